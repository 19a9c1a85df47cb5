// The staff savers of a load run in a process of their own: in the readers' process, autocannon's
// hundreds of connections kept its event loop busy and the savers' own answers waited behind them,
// so the measured save times were partly the load generator's. Reads {target, sessions,
// durationSeconds} as JSON from the file named on the command line and prints the StaffReport.
import { must } from '../tests/helpers/must';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStaffSavers, type StaffReport, type StaffSession } from './staff';

interface Job {
  target: string;
  sessions: StaffSession[];
  durationSeconds: number;
}

/** Runs `runStaffSavers` in a child process (tsx) and returns its report. */
export async function runStaffSaversInChild(
  target: URL,
  sessions: StaffSession[],
  durationSeconds: number,
): Promise<StaffReport> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'klyngeregnskab-staff-'));
  const jobFile = path.join(folder, 'job.json');
  const job: Job = { target: target.origin, sessions, durationSeconds };
  fs.writeFileSync(jobFile, JSON.stringify(job), { mode: 0o600 });
  try {
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['--conditions=react-server', fileURLToPath(import.meta.url), jobFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`the staff savers' process exited with ${code}`);
    return JSON.parse(output) as StaffReport;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const job = JSON.parse(fs.readFileSync(must(process.argv[2]), 'utf8')) as Job;
  runStaffSavers(new URL(job.target), job.sessions, job.durationSeconds)
    .then((report) => process.stdout.write(JSON.stringify(report)))
    .catch((error) => {
      console.error(`staff savers failed: ${(error as Error).message}`);
      process.exit(1);
    });
}
