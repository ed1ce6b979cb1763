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

export { durationSeconds } from '../src/config';
