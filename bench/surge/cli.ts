// `npm run bench:surge -- --scenario FILE`: replays a scenario through Kropotkin's dispatch optimiser and the greedy
// baseline, and prints the figures as JSON. `--preset NAME [--scale X] [--seed N]` generates a city instead;
// `--write FILE` saves the generated city as a scenario file (the format is in BENCHMARKS.md).
import { parseArgs } from 'node:util';
import { greedyDispatch, proposeDispatch } from '../../src/dispatch/optimise.ts';
import { generate, PRESETS, type Preset } from './generate.ts';
import { readScenario, writeScenario } from './scenario.ts';
import { surgeFigures } from './simulate.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    preset: { type: 'string' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    write: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let scenario;
if (values.scenario) {
  try {
    scenario = readScenario(values.scenario);
  } catch (e) {
    fail((e as Error).message);
  }
} else if (values.preset) {
  if (!(PRESETS as readonly string[]).includes(values.preset)) fail(`--preset must be one of: ${PRESETS.join(', ')}`);
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!(scale > 0 && scale <= 10) || !Number.isInteger(seed))
    fail('--scale must be a number above 0 (at most 10) and --seed a whole number');
  scenario = generate(values.preset as Preset, { scale, seed });
} else {
  fail('usage: npm run bench:surge -- --scenario FILE | --preset NAME [--scale X] [--seed N] [--write FILE]');
}
if (values.write) {
  writeScenario(values.write, scenario);
  console.error(`wrote ${values.write}`);
} else {
  console.log(JSON.stringify(surgeFigures(scenario, proposeDispatch, greedyDispatch), null, 2));
}
