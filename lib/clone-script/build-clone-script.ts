import { quoteShellArgument as quoteForBash } from '../shell/quote-shell-argument';
import { quotePowerShellArgument as quoteForPowerShell } from '../shell/quote-powershell-argument';

/** One repository of a clone script: where it is cloned from, and the names of its folder. */
export interface CloneScriptRepository {
  organization: string;
  project: string;
  repository: string;
  /** The clone URL in the chosen protocol (HTTPS or SSH). */
  cloneUrl: string;
}


export type CloneScriptShell = 'bash' | 'powershell';

/**
 * A script that clones every repository into `<organization>/<project>/<repository>` below the folder
 * it is run in: a folder that exists is skipped, a failed clone does not stop the others, and the
 * failures are listed at the end (exit status 1). Names and URLs appear only inside quotes of the
 * target shell, never in comments or unquoted (docs/keyboard.md#clone-many).
 */
export function buildCloneScript(repositories: readonly CloneScriptRepository[], shell: CloneScriptShell): string {
  const rows = repositories.map((repo) => [repo.cloneUrl, cloneFolder(repo)] as const);
  return shell === 'bash' ? bashScript(rows) : powerShellScript(rows);
}

/** `<organization>/<project>/<repository>`, each name made a single safe folder name. */
export function cloneFolder(repo: Pick<CloneScriptRepository, 'organization' | 'project' | 'repository'>): string {
  return [repo.organization, repo.project, repo.repository].map(folderName).join('/');
}

// Azure DevOps refuses these in project and repository names already; a folder name must never
// climb out (`..`) or hold a separator, a control character or a character Windows refuses.
function folderName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim();
  return safe === '' || /^\.+$/.test(safe) ? '_' : safe;
}

type Row = readonly [url: string, folder: string];

function bashScript(rows: readonly Row[]): string {
  return [
    '#!/usr/bin/env bash',
    `# Clones ${rows.length} Azure DevOps ${plural(rows.length)} into <organization>/<project>/<repository> below this folder.`,
    '# A folder that exists is skipped; a failed clone does not stop the others. Made by ADO Companion.',
    'failed=()',
    'clone() {',
    '  if [ -e "$2" ]; then',
    "    printf 'Skipped %s: the folder exists.\\n' \"$2\"",
    '  elif ! git clone -- "$1" "$2"; then',
    '    failed+=("$2")',
    '  fi',
    '}',
    ...rows.map(([url, folder]) => `clone ${quoteForBash(url)} ${quoteForBash(folder)}`),
    'if [ "${#failed[@]}" -gt 0 ]; then',
    `  printf 'Could not clone %d of ${rows.length}:\\n' "\${#failed[@]}"`,
    "  printf '  %s\\n' \"${failed[@]}\"",
    '  exit 1',
    'fi',
    '',
  ].join('\n');
}

function powerShellScript(rows: readonly Row[]): string {
  return [
    `# Clones ${rows.length} Azure DevOps ${plural(rows.length)} into <organization>/<project>/<repository> below this folder.`,
    '# A folder that exists is skipped; a failed clone does not stop the others. Made by ADO Companion.',
    '# Paste it into PowerShell, or save it as UTF-8 with a BOM: Windows PowerShell 5.1 reads a file without one in the ANSI code page.',
    '$failed = @()',
    'function Copy-AzureRepository([string]$Url, [string]$Folder) {',
    '  if (Test-Path -LiteralPath $Folder) {',
    '    Write-Host "Skipped ${Folder}: the folder exists."',
    '  } else {',
    // `'--'` quoted: PowerShell would take a bare `--` as its own end-of-parameters token.
    "    git clone '--' $Url $Folder",
    '    if ($LASTEXITCODE -ne 0) { $script:failed += $Folder }',
    '  }',
    '}',
    ...rows.map(([url, folder]) => `Copy-AzureRepository ${quoteForPowerShell(url)} ${quoteForPowerShell(folder)}`),
    'if ($failed.Count -gt 0) {',
    `  Write-Host "Could not clone $($failed.Count) of ${rows.length}:"`,
    '  $failed | ForEach-Object { Write-Host "  $_" }',
    '  exit 1',
    '}',
    '',
  ].join('\n');
}

function plural(count: number): string {
  return count === 1 ? 'repository' : 'repositories';
}
