/** Waiting time as mm:ss, or h:mm:ss from one hour on. Negative input (clock skew) shows 00:00. */
export function formatWaiting(elapsedMs: number): string {
  const totalSeconds = Math.max(0, Math.floor(elapsedMs / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${pad(minutes)}:${pad(seconds)}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

function pad(value: number): string {
  return value.toString().padStart(2, '0');
}
