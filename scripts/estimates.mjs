// How long the slow steps of `npm start` / `npm test` set-up take, as told to the user while they wait. Ranges are
// measured, not hoped: the low end on an idle machine, the high end on a fresh clone on a small shared machine.
// Measurements (seconds), newest last; a new measurement outside a range means the range must change
// (test/npm-start-port-signals-and-estimates.test.mjs checks that every measurement lies inside its range).
export const ESTIMATES = {
	// `npm ci --prefer-offline` of this repository.
	npmCi: {
		range: [30, 300],
		measured: [
			{ seconds: 30, where: '2 cores, idle, warm npm cache (2026-11-22, DESIGN.md)' },
			{ seconds: 91, where: 'fresh machine, 2 cores (issue 20)' },
			{ seconds: 274, where: 'fresh worktree, 2 cores shared with 7 other npm ci runs (2026-12-03)' }
		]
	},
	// `node scripts/uni.mjs build` (the uni-app x H5 demo) as npm start runs it.
	h5Build: {
		range: [10, 240],
		measured: [
			{ seconds: 10, where: '2 cores, idle (2026-11-22, DESIGN.md: about 5 s per build step)' },
			{ seconds: 98, where: 'fresh machine, 2 cores (issue 20)' },
			{ seconds: 189, where: '2 cores shared with 7 other engineers\' builds and tests (2026-12-03; 37 s of CPU)' }
		]
	}
}

function span([low, high]) {
	return high >= 120 ? `${low} s to ${Math.round(high / 60 * 2) / 2} min` : `${low}-${high} s`
}

/** "about 30 s to 3 min": what to print before the step. */
export function estimate(step) {
	return `about ${span(ESTIMATES[step].range)}`
}
