/** 90 -> "1 hour 30 min"; 2880 -> "2 days"; 1 -> "1 minute". */
export function formatDuration(minutes: number): string {
  if (minutes % 1440 === 0 && minutes >= 1440) return `${minutes / 1440} ${minutes === 1440 ? 'day' : 'days'}`;
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = `${h} ${h === 1 ? 'hour' : 'hours'}`;
  return m ? `${hours} ${m} min` : hours;
}
