/**
 * Trial 8, S1: a claim file's `rates:` could name any file on the machine (`../../secret`, an absolute path) and its
 * values were quoted into CI annotations. A `rates:` path is now read only when its real path (links followed) lies in
 * the claim file's folder tree or the current folder's; any other is refused (exit 2) at the `rates:` value, before a
 * byte of it is read. `--rates`, which the user types, is trusted.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';

const SECRET = 'ghp_SUPERSECRET123';
const CLAIM = readFileSync(join(root, 'fixtures/claims/converted.yaml'), 'utf8');
const SAMPLE = join(root, 'fixtures/claims/rates/sample.csv');
/** The line and column of the value of `rates:` in CLAIM (line 8, after `rates: `). */
const AT = '8:8';

/**
 * top/repo/claims/claim-N.yaml, top/repo/rates/sample.csv, top/repo/claims/here/sample.csv, top/secret/s.csv (a rate
 * table whose rate is a token), top/repo/claims/link.csv → the secret, top/secret/fifo (a reader would block on it).
 */
function layout() {
  const top = mkdtempSync(join(tmpdir(), 'cofin-rates-confined-'));
  const repo = join(top, 'repo');
  mkdirSync(join(repo, 'claims', 'here'), { recursive: true });
  mkdirSync(join(repo, 'rates'));
  mkdirSync(join(top, 'secret'));
  copyFileSync(SAMPLE, join(repo, 'rates', 'sample.csv'));
  copyFileSync(SAMPLE, join(repo, 'claims', 'here', 'sample.csv'));
  writeFileSync(join(top, 'secret', 's.csv'), `month,currency,rate\n2024-03,PLN,${SECRET}\n`);
  writeFileSync(join(top, 'secret', 'keys.yaml'), `TOKEN: ${SECRET}\n`);
  symlinkSync(join(top, 'secret', 's.csv'), join(repo, 'claims', 'link.csv'));
  execFileSync('mkfifo', [join(top, 'secret', 'fifo')]);
  let count = 0;
  /** A claim file naming `rates`, in `folder` (from top): its path from top. */
  const claim = (rates: string, folder = 'repo/claims') => {
    const name = `${folder}/claim-${++count}.yaml`;
    writeFileSync(join(top, name), CLAIM.replace('rates: rates/sample.csv', `rates: ${rates}`));
    return name;
  };
  return { top, repo, claim };
}

const refusal = (file: string, rates: string, hint: string) =>
  `${file}:${AT}: error: rates: ${rates} is outside the claim file's folder and the current folder: ` +
  `cofin does not read it [outside-folder]\n  hint: ${hint}\n`;
const CHECK_HINT =
  "move the rate table into the claim file's folder (or one below it), or run cofin from a folder that holds it";
const CLAIM_HINT = "move the rate table into the claim file's folder (or one below it), or name it with --rates FILE";

describe('S1: a claim file reads a rate table only in its own folder tree or the current one', () => {
  it("`../` that stays inside the current folder's tree is read (cwd the repository, the table beside claims/)", () => {
    const { repo, claim } = layout();
    const file = claim('../rates/sample.csv').replace('repo/', '');
    const run = cofin(['check', file], { cwd: repo });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('PASS claims/claim-1.yaml  Gmina Przykładowa: claim file, 2 claims');
  });

  it("inside the claim file's own tree, from a current folder elsewhere: `here/../here/sample.csv` is read", () => {
    const { top, claim } = layout();
    const file = join(top, claim('here/../here/sample.csv'));
    const run = cofin(['check', file]); // cwd: the cofin checkout, far from the claim
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it("inside the current folder's tree though the claim file is elsewhere: read", () => {
    const { top, claim } = layout();
    const file = claim('../repo/rates/sample.csv', 'secret');
    const run = cofin(['check', join(top, file)], { cwd: join(top, 'repo') });
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('escaping by `../`: refused at the rates: value, exit 2, nothing of the file quoted', () => {
    const { repo, claim } = layout();
    const file = claim('../../secret/s.csv').replace('repo/', '');
    const run = cofin(['check', file], { cwd: repo });
    expect(run).toEqual({
      code: 2,
      stdout: '1 file: 0 passed, 1 invalid\n',
      stderr: refusal(file, '../../secret/s.csv', CHECK_HINT),
    });
  });

  it('an absolute path outside both trees: refused', () => {
    const { top, repo, claim } = layout();
    const secret = join(top, 'secret', 'keys.yaml');
    const file = claim(secret).replace('repo/', '');
    const run = cofin(['check', file], { cwd: repo });
    expect([run.code, run.stderr]).toEqual([2, refusal(file, secret, CHECK_HINT)]);
    expect(run.stdout + run.stderr).not.toContain('TOKEN');
  });

  it('a symbolic link inside the tree pointing out of it: refused (the real path is what counts)', () => {
    const { repo, claim } = layout();
    const file = claim('link.csv').replace('repo/', '');
    const run = cofin(['check', file], { cwd: repo });
    expect([run.code, run.stderr]).toEqual([2, refusal(file, 'link.csv', CHECK_HINT)]);
  });

  it('a missing file outside is refused alike (its absence is not told); a missing one inside is not-found', () => {
    const { repo, claim } = layout();
    const outside = claim('../../secret/none.csv').replace('repo/', '');
    expect(cofin(['check', outside], { cwd: repo }).stderr).toBe(refusal(outside, '../../secret/none.csv', CHECK_HINT));
    const inside = claim('none.csv').replace('repo/', '');
    expect(cofin(['check', inside], { cwd: repo }).stderr).toContain(
      `${inside}:${AT}: error: rates: none.csv: no such file [not-found]`,
    );
  });

  it('no byte of a refused file is read: a FIFO outside is refused at once, not waited on', () => {
    const { top, repo, claim } = layout();
    const fifo = join(top, 'secret', 'fifo');
    const file = claim(fifo).replace('repo/', '');
    const run = cofin(['check', file], { cwd: repo });
    expect([run.code, run.stderr]).toEqual([2, refusal(file, fifo, CHECK_HINT)]);
  });

  it('GitHub annotations of a refused one quote nothing of the file: one error at the rates: value', () => {
    const { repo, claim } = layout();
    const file = claim('../../secret/s.csv').replace('repo/', '');
    const run = cofin(['check', file, '--format', 'github'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `::error file=${file},line=8,col=8,title=cofin outside-folder::rates: ../../secret/s.csv is outside the claim ` +
        "file's folder and the current folder: cofin does not read it%0Ahint: " +
        `${CHECK_HINT}\ncofin check: 1 file, 0 passed, 0 failed, 1 invalid\n`,
    );
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('cofin claim refuses the same, its hint naming --rates; --rates FILE, typed by the user, is read', () => {
    const { repo, claim } = layout();
    const file = claim('../../secret/s.csv').replace('repo/', '');
    const refused = cofin(['claim', file], { cwd: repo });
    expect([refused.code, refused.stderr]).toEqual([2, refusal(file, '../../secret/s.csv', CLAIM_HINT)]);
    expect(refused.stdout).not.toContain(SECRET);
    const typed = cofin(['claim', file, '--rates', '../secret/s.csv'], { cwd: repo });
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain(`not an exchange rate: "${SECRET}"`);
  });

  it('cofin report refuses the same; a claim file on standard input is held to the current folder', () => {
    const { repo, claim } = layout();
    const file = claim('../../secret/s.csv').replace('repo/', '');
    const report = cofin(['report', file], { cwd: repo });
    expect(report.code).toBe(2);
    expect(report.stderr).toBe(
      `cofin: error: ${file}:${AT}: rates: ../../secret/s.csv is outside the claim file's folder and the current ` +
        `folder: cofin does not read it\nhint: ${CHECK_HINT}\n`,
    );
    expect(report.stdout + report.stderr).not.toContain(SECRET);
    const stdin = cofin(['check', '-'], {
      cwd: repo,
      input: CLAIM.replace('rates: rates/sample.csv', 'rates: ../secret/s.csv'),
    });
    expect([stdin.code, stdin.stderr]).toEqual([2, refusal('<stdin>', '../secret/s.csv', CHECK_HINT)]);
    const inside = cofin(['check', '-'], { cwd: repo, input: CLAIM });
    expect([inside.code, inside.stderr]).toEqual([0, '']);
  });

  it('in Latvian with --locale lv', () => {
    const { repo, claim } = layout();
    const file = claim('../../secret/s.csv').replace('repo/', '');
    expect(cofin(['check', file, '--locale', 'lv'], { cwd: repo }).stderr).toBe(
      `${file}:${AT}: kļūda: rates: ../../secret/s.csv atrodas ārpus pieprasījumu faila mapes un pašreizējās mapes: ` +
        'cofin to nelasa [outside-folder]\n' +
        '  ieteikums: pārvietojiet kursu tabulu pieprasījumu faila mapē (vai tās apakšmapē) vai palaidiet cofin no ' +
        'mapes, kurā tā ir\n',
    );
  });
});
