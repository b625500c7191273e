/* Builds a journal for the analysis benchmark: RUNS runs (one a day, back from the clock) in three
 * pairs of shoes, with temperature, cadence, heart rate and pace, and EPISODES episodes, most in one
 * pair. Deterministic (a fixed-seed generator). Usage: analyze_bench PATH RUNS EPISODES NOW_UNIX */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "numbfoot/journal.h"

static unsigned long long seed = 42;

static double rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(seed >> 11) / 9007199254740992.0;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s PATH RUNS EPISODES NOW_UNIX\n", argv[0]);
		return 2;
	}
	const char *path = argv[1];
	long runs = atol(argv[2]), episodes = atol(argv[3]);
	long long now = atoll(argv[4]);
	nf_journal *j;
	nf_error err = {0};
	if (nf_journal_open(path, &j, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	const char *nick[3] = {"daily", "tempo", "trail"};
	int64_t id[3];
	for (int i = 0; i < 3; i++) {
		nf_gear g;
		nf_gear_init(&g, NF_GEAR_SHOES);
		snprintf(g.nickname, sizeof g.nickname, "%s", nick[i]);
		if (nf_journal_add_gear(j, &g, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		id[i] = g.id;
	}
	long left = episodes;
	for (long i = 0; i < runs; i++) {
		nf_journal_run r;
		nf_journal_run_init(&r);
		int pair = (int)(rnd() * 3);
		double km = 5 + rnd() * 15, pace = 270 + rnd() * 90;
		r.rec.start_time = now - (runs - i) * 86400;
		r.rec.distance_m = km * 1000;
		r.rec.moving_s = r.rec.elapsed_s = km * pace;
		r.rec.cadence_spm = 150 + rnd() * 30;
		r.rec.temperature_c = -5 + rnd() * 30;
		r.rec.heart_rate_bpm = 130 + rnd() * 40;
		r.shoes_id = id[pair];
		nf_episode e;
		nf_episode_init(&e);
		/* Episodes: mostly in the "tempo" pair, spread evenly over the runs until the quota is met. */
		size_t n = 0;
		double want = (double)left / (double)(runs - i);
		if (left > 0 && rnd() < (pair == 1 ? 2.4 : 0.3) * want) {
			e.onset_km = fmin(km, 6 + rnd() * 2);
			e.severity = (int)(rnd() * 8);
			e.recover_min = 2 + rnd() * 10;
			e.loosening_helped = rnd() < 0.7;
			e.calf_cramp_first = rnd() < 0.1;
			e.locations = 1;
			n = 1;
			left--;
		}
		if (nf_journal_add_run(j, &r, &e, n, NULL, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
	}
	nf_journal_counts c;
	nf_journal_count(j, &c, &err);
	printf("journal: %lld runs, %lld episodes\n", (long long)c.runs, (long long)c.episodes);
	nf_journal_close(j);
	return 0;
}
