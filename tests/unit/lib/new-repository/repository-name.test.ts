import { describe, expect, it } from 'vitest';
import { repositoryNameProblem } from '@/lib/new-repository/repository-name';
import { appErrors } from '@/lib/errors/error-messages';

describe('lib/new-repository/repository-name', () => {
  it.each(['web-portal', 'my repo', 'a.b-c_d', 'Automação', 'x'.repeat(64), 'COM0', 'webapp', 'LPT10'])('accepts %s', (name) => {
    expect(repositoryNameProblem(name)).toBeNull();
  });

  it.each([
    ['', { rule: 'empty' }],
    ['   ', { rule: 'empty' }],
    ['x'.repeat(65), { rule: 'too-long', length: 65 }],
    ['tab\there', { rule: 'control-character' }],
    ['emoji😀', { rule: 'control-character' }],
    ['has/slash', { rule: 'character', character: '/' }],
    ['tilde~', { rule: 'character', character: '~' }],
    ['and&', { rule: 'character', character: '&' }],
    ['at@x', { rule: 'character', character: '@' }],
    ["it's", { rule: 'character', character: "'" }],
    ['brackets[1]', { rule: 'character', character: '[' }],
    ['_underscore', { rule: 'leading-underscore' }],
    ['.hidden', { rule: 'leading-period' }],
    ['trailing.', { rule: 'trailing-period' }],
    ['con', { rule: 'reserved' }],
    ['COM10', { rule: 'reserved' }],
    ['DefaultCollection', { rule: 'reserved' }],
    ['Web', { rule: 'reserved' }],
  ])('refuses %j', (name, problem) => {
    expect(repositoryNameProblem(name)).toEqual(problem);
  });

  it('explains each refusal in a sentence that says what is wrong', () => {
    expect(appErrors.invalidRepositoryName({ rule: 'character', character: '#' })).toMatchObject({
      kind: 'invalid-name',
      message: expect.stringMatching(/^A repository name cannot contain “#”\./),
    });
    expect(appErrors.invalidRepositoryName({ rule: 'too-long', length: 70 }).message).toBe('A repository name can have at most 64 characters; this one has 70.');
  });
});
