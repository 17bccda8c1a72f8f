/**
 * Scores a rubric's seeded 1,000-unit roster WARM + N times; run under valgrind by
 * bench/instructions.sh, which takes the difference between two values of N.
 */
import { loadBuiltin } from '../src/rubric/catalog';
import { scoreRoster } from '../src/scoring/score';
import { ROSTER_SIZE } from './engine';
import { randomRoster } from './random-inputs';

const [id = 'bozhou-2017-counties', n = '0'] = process.argv.slice(2);
const { rubric } = loadBuiltin(id);
const roster = randomRoster(rubric, ROSTER_SIZE, 20260101);
const warm = 15;
for (let i = 0; i < warm + Number(n); i++) scoreRoster(rubric, roster);
