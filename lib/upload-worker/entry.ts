// The worker thread's entry: one job in (workerData), one result out, then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { runUploadJob, type UploadJob } from './jobs';

parentPort?.postMessage(runUploadJob(workerData as UploadJob));
