import { membersBench } from './members.bench';

/** `npm run bench`: every benchmark, one JSON line per figure. BENCH_SCALE=0.1 for a tenth of the data. */
async function main() {
  await membersBench();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
