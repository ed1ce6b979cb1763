/** `--name value` pairs (a name may repeat) after the positional arguments; unknown names are refused. */
export function options(argv: string[], names: string[], usage: string): Record<string, string[]> & { _: string[] } {
  const result: Record<string, string[]> & { _: string[] } = { _: [] } as never;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    }
    if (!arg.startsWith('--')) {
      result._.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!names.includes(name)) throw new Error(`unknown option --${name}\n\n${usage}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value\n\n${usage}`);
    (result[name] ??= []).push(value);
  }
  return result;
}

/** "90s", "15m", "12h", "30d" in seconds. */
export function durationSeconds(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (!match) throw new Error(`a duration is a number and s, m, h or d (e.g. 12h, 30d), got "${text}"`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}
