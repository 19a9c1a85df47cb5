// The operating-system view of the server under test: which process listens on the e2e port, and
// how much memory it holds. Read from /proc (Linux), so it needs no tool and no cooperation from
// the webServer command (npm → tsx → next start → next-server: the listener is the last of them).
import { must } from '../helpers/must';
import fs from 'node:fs';

/** The socket inodes listening on a TCP port (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length < 10) continue;
      const localPort = Number.parseInt(must(must(columns[1]).split(':').pop()), 16);
      // state 0A is LISTEN
      if (localPort === port && columns[3] === '0A') inodes.add(must(columns[9]));
    }
  }
  return inodes;
}

/** The id of the process that listens on the port, or null when none (of ours) does. */
export function pidListeningOn(port: number): number | null {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours
    }
    for (const fd of fds) {
      try {
        const match = fs.readlinkSync(`/proc/${entry}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
        if (match && inodes.has(must(match[1]))) return Number(entry);
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return null;
}

/** Resident memory of a process in MiB: now (VmRSS) and its peak so far (VmHWM). */
export function residentMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) =>
    Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/**
 * Starts a fresh peak (VmHWM := VmRSS; Linux `clear_refs` value 5), so that a later reading shows
 * the peak of what happened since — not of whatever the server did before in the same run.
 * Returns false when the process is not ours to reset.
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
