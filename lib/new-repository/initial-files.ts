import { gitignoreFile, licenseFile, licenseTemplate, type GitignoreId, type LicenseId } from './templates';

/** What the user chose for the first commit. */
export interface InitialFileChoices {
  /** The repository's name, the README's title. */
  name: string;
  readme: boolean;
  gitignore?: GitignoreId;
  license?: LicenseId;
  /** Copyright holder for a license with a copyright line. */
  holder: string;
  year: number;
}

export interface InitialFile {
  /** Repository path, starting with "/". */
  path: string;
  content: string;
}

/** Reads a packaged template (`templates/…`, public/templates/ in the source). */
export type ReadTemplate = (file: string) => Promise<string>;

/**
 * The files of the first commit, built from the choices alone: the popup sends no file content.
 * Empty when nothing was chosen (then nothing is pushed).
 */
export async function buildInitialFiles(choices: InitialFileChoices, readTemplate: ReadTemplate): Promise<InitialFile[]> {
  const files: InitialFile[] = [];
  if (choices.readme) files.push({ path: '/README.md', content: `# ${choices.name}\n` });
  if (choices.gitignore) files.push({ path: '/.gitignore', content: await readTemplate(gitignoreFile(choices.gitignore)) });
  if (choices.license) {
    const text = await readTemplate(licenseFile(choices.license));
    // choosealicense.com's placeholders (public/templates/README.md).
    const filled = licenseTemplate(choices.license).namesHolder
      ? text.replaceAll('[year]', String(choices.year)).replaceAll('[fullname]', choices.holder)
      : text;
    files.push({ path: '/LICENSE', content: filled });
  }
  return files;
}
