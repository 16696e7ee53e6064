// Preloaded into a benchmarked process: reports its peak memory on exit.
process.on('exit', () => process.stderr.write(`\n__RSS_KB__ ${process.resourceUsage().maxRSS}\n`));
