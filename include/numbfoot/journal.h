/* numbfoot: the run journal, a SQLite file holding gear, runs and numbness episodes.
 *
 * Only lib/journal speaks SQL. Callers hold an opaque nf_journal, pass plain structs in and get
 * plain structs (or arrays they free with the matching *_free function) out. Every function that
 * writes does so in one transaction: on any error nothing is changed. Errors come back as an
 * nf_err with a message in the caller's nf_error; the library never prints.
 *
 * Unknown values follow numbfoot/run.h: NaN for doubles, -1 for integers, "" for strings.
 * Text fields have fixed caps (below); a longer value is refused with NF_ELIMIT.
 */
#ifndef NUMBFOOT_JOURNAL_H
#define NUMBFOOT_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "numbfoot/date.h" /* nf_time_iso and nf_time_parse_iso, once declared here */
#include "numbfoot/error.h"
#include "numbfoot/run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_journal nf_journal;

/* The schema version this build writes; older files are migrated forward on open. */
#define NF_JOURNAL_SCHEMA_VERSION 6

#define NF_JOURNAL_NAME_MAX 64    /* nickname, brand, model, surface: bytes including NUL */
#define NF_JOURNAL_NOTES_MAX 1024 /* notes: bytes including NUL */
#define NF_JOURNAL_DATE_MAX 11    /* "YYYY-MM-DD" */
#define NF_JOURNAL_UNIT_MAX 8     /* cadence unit as it came: "spm", "rpm" */
/* An episode's minutes until feeling came back: at most 30 days, the knowledge base's range for
 * resolve_minutes (kb/numbfoot.json), so that every recovery the journal holds reaches the
 * assessment (a unit test holds the two together). */
#define NF_JOURNAL_RECOVER_MAX_MIN 43200

/* Opens (creating if missing) the journal at path, sets the file (and its -wal and -shm files)
 * to mode 0600 once it is known to be a journal (someone else's file is refused as it was), and
 * migrates the schema forward. The folder must exist; creating it is the
 * caller's job. On success *out is a handle to release with nf_journal_close(). Fails with
 * NF_EDB for a file that is not a journal or was written by a newer numbfoot. */
NF_API nf_err nf_journal_open(const char *path, nf_journal **out, nf_error *err);

/* nf_journal_open of a journal that exists: NF_ENOTFOUND, and no file created, when there is
 * none at path (for what only reads or deletes: a mistyped path must not become an empty
 * journal). */
NF_API nf_err nf_journal_open_existing(const char *path, nf_journal **out, nf_error *err);

/* Opens an existing journal for reading only, for a folder or file this user cannot write (no
 * migration, no change of mode). Fails with NF_ENOTFOUND when there is no file, NF_EDB when its
 * schema is not this build's. Writing through the handle fails with NF_EDB. */
NF_API nf_err nf_journal_open_read(const char *path, nf_journal **out, nf_error *err);

/* Closes the handle; accepts NULL. */
NF_API void nf_journal_close(nf_journal *j);

/* The schema version of the open file (NF_JOURNAL_SCHEMA_VERSION after a successful open). */
NF_API int nf_journal_schema_version(nf_journal *j);

/* Runs PRAGMA integrity_check; NF_OK when the answer is "ok", else NF_EDB with the first
 * problem in the message. */
NF_API nf_err nf_journal_check(nf_journal *j, nf_error *err);

/* Deletes every row of every table, then checkpoints the write-ahead log (TRUNCATE) and
 * VACUUMs with secure_delete on, so that no deleted byte is left in the file or its log.
 * If the delete fails nothing changes; if only the wiping after it fails, the journal is
 * empty, the message says so, and calling again repeats the wipe. */
NF_API nf_err nf_journal_forget_all(nf_journal *j, nf_error *err);

/* ---- vocabulary (kb/vocabulary.json: location and side) ---- */

#define NF_LOCATION_COUNT 12

/* The location value with index i (0 <= i < NF_LOCATION_COUNT), or NULL. */
NF_API const char *nf_location_name(int i);
/* The index of a location value, or -1 if the vocabulary has no such value. */
NF_API int nf_location_index(const char *name);
/* Parses a comma-separated list of location values ("dorsum,toes_all") into a bit set (bit i:
 * nf_location_name(i)). NF_EPARSE naming the first unknown value. */
NF_API nf_err nf_location_parse_list(const char *text, uint32_t *set, nf_error *err);

typedef enum nf_side { NF_SIDE_UNKNOWN = 0, NF_SIDE_ONE, NF_SIDE_BOTH } nf_side;

/* "one", "both", or NULL for NF_SIDE_UNKNOWN. */
NF_API const char *nf_side_name(nf_side s);

/* Which foot an episode was in (schema 5). A left or right foot is one side; both feet, both. */
typedef enum nf_foot { NF_FOOT_UNKNOWN = 0, NF_FOOT_LEFT, NF_FOOT_RIGHT, NF_FOOT_BOTH } nf_foot;

/* "left", "right", "both", or NULL for NF_FOOT_UNKNOWN. */
NF_API const char *nf_foot_name(nf_foot f);
/* The foot named "left", "right" or "both"; -1 for anything else (NULL too). */
NF_API int nf_foot_parse(const char *s);
/* The side a foot implies: NF_SIDE_ONE for left or right, NF_SIDE_BOTH for both, else unknown. */
NF_API nf_side nf_foot_side(nf_foot f);

/* ---- the runner's calendar ---- */

/* The local calendar day of t (Unix seconds) into day, "YYYY-MM-DD": the day the runner's
 * calendar shows, where nf_time_day gives UTC's; "" if t < 0. */
NF_API void nf_journal_local_day(int64_t t, char day[NF_JOURNAL_DATE_MAX]);
/* Whether day ("YYYY-MM-DD") comes after the local day of now, whose text goes into today for the
 * words. A run and a pair's first use are recorded once they have happened: a later day is a
 * typing mistake, and the analysis would count it in weeks that have not come. */
NF_API bool nf_journal_day_after(const char *day, int64_t now, char today[NF_JOURNAL_DATE_MAX]);

/* ---- gear ---- */

typedef enum nf_gear_kind { NF_GEAR_SHOES = 0, NF_GEAR_INSOLES = 1 } nf_gear_kind;

typedef enum nf_wear {
	NF_WEAR_UNKNOWN = 0, /* no retirement distance (insoles: no data) */
	NF_WEAR_OK,          /* below the check distance */
	NF_WEAR_CHECK,       /* past the check distance: look at the midsole */
	NF_WEAR_RETIRE,      /* at or past the retirement distance */
} nf_wear;

typedef struct nf_gear {
	int64_t id;                        /* set by nf_journal_add_gear */
	nf_gear_kind kind;
	char nickname[NF_JOURNAL_NAME_MAX]; /* unique, not empty */
	char brand[NF_JOURNAL_NAME_MAX];
	char model[NF_JOURNAL_NAME_MAX];
	char first_use[NF_JOURNAL_DATE_MAX]; /* YYYY-MM-DD or "" */
	double start_km;                   /* distance it had before the journal knew it; >= 0 */
	double retire_km;                  /* NaN: no retirement distance */
	char retired[NF_JOURNAL_DATE_MAX]; /* date retired, or "" while in use */
	bool is_default;                   /* the pair new runs get; at most one per kind */
	double used_km;                    /* read only: start_km + the runs in it */
	int64_t runs;                      /* read only: number of runs in it */
} nf_gear;

/* Sets g to an empty pair of shoes with the default retirement distance. */
NF_API void nf_gear_init(nf_gear *g, nf_gear_kind kind);

/* "shoes" / "insoles"; and back (returns -1 for anything else). */
NF_API const char *nf_gear_kind_name(nf_gear_kind k);
NF_API int nf_gear_kind_parse(const char *s);

/* The default retirement distance in km for kind (NaN for insoles: no data), the distance at
 * which to check it, and the source text behind them (clinical dossier section 4.2). */
NF_API double nf_gear_default_retire_km(nf_gear_kind kind);
NF_API double nf_gear_racing_retire_km(void);
NF_API const char *nf_gear_retire_source(nf_gear_kind kind);

/* The wear state of g from used_km and retire_km; the check distance is 5/8 of retire_km
 * (500 of 800 km, after the dossier). */
NF_API nf_wear nf_gear_wear(const nf_gear *g);
NF_API const char *nf_wear_name(nf_wear w);

/* Adds g (its id is set). If g->is_default, or it is the first unretired gear of its kind, it
 * becomes the default of its kind (g->is_default is updated). NF_EEXIST if the nickname is taken. */
NF_API nf_err nf_journal_add_gear(nf_journal *j, nf_gear *g, nf_error *err);

/* Fills *out with the gear of that id or nickname; NF_ENOTFOUND if there is none. */
NF_API nf_err nf_journal_get_gear(nf_journal *j, int64_t id, nf_gear *out, nf_error *err);
NF_API nf_err nf_journal_find_gear(nf_journal *j, const char *nickname, nf_gear *out, nf_error *err);

/* The default unretired gear of kind in *out; NF_ENOTFOUND if none is set. */
NF_API nf_err nf_journal_default_gear(nf_journal *j, nf_gear_kind kind, nf_gear *out, nf_error *err);

/* The pair of kind in service at time t (Unix seconds; its UTC date counts) in *id, 0 if none:
 * in service from its first use (or, when none was given, its first run in the journal) until
 * the day it was retired. Of several, the default pair, else the one that came into service
 * last. A pair with neither a first use nor a run is in service on no known date. For runs
 * imported from years of watch files: each gets the shoes worn then, or none. */
NF_API nf_err nf_journal_gear_on(nf_journal *j, nf_gear_kind kind, int64_t t, int64_t *id, nf_error *err);

/* NF_OK when gear id (0: none) may hold a run started at t: t's UTC date is not before the pair's
 * first use nor after its retirement. Else NF_EINVAL naming the pair, its date and the run's day.
 * The journal refuses a typed run, an edit that changes a run's day or pair, and run edit
 * --from/--to, that would break it; a caller giving the default pair asks first, to give the run
 * the pair in service that day instead (nf_journal_gear_on). */
NF_API nf_err nf_journal_gear_in_service(nf_journal *j, int64_t id, int64_t t, nf_error *err);

/* All gear (with retired pairs when include_retired), ordered by kind then nickname, in a new
 * array *out of *n entries which the caller frees with nf_gear_list_free(). */
NF_API nf_err nf_journal_list_gear(nf_journal *j, bool include_retired, nf_gear **out, size_t *n,
				   nf_error *err);
NF_API void nf_gear_list_free(nf_gear *list);

/* Rewrites the stored fields of gear g->id from g (not is_default; use set_default). */
NF_API nf_err nf_journal_update_gear(nf_journal *j, const nf_gear *g, nf_error *err);

/* Marks gear retired on date (YYYY-MM-DD) and clears its default flag. NF_EINVAL, naming the
 * run, when date is before the day (UTC) of the pair's latest run: a pair is not retired before
 * it was last run in. */
NF_API nf_err nf_journal_retire_gear(nf_journal *j, int64_t id, const char *date, nf_error *err);

/* Makes gear id the default of its kind (NF_EINVAL if it is retired). */
NF_API nf_err nf_journal_set_default_gear(nf_journal *j, int64_t id, nf_error *err);

/* What a pair's runs hold: how many runs used gear id, how many of them have an episode of
 * numbness, and the id and start of the latest (0 and -1 when none). NF_ENOTFOUND when there is
 * no such gear. Callers ask before deleting a pair that carries evidence (gear delete --force). */
typedef struct nf_gear_use {
	int64_t runs, runs_numb;
	int64_t last_run, last_start;
} nf_gear_use;
NF_API nf_err nf_journal_gear_use(nf_journal *j, int64_t id, nf_gear_use *out, nf_error *err);

/* Deletes gear id; runs that used it keep their data and lose the link. The journal does not ask
 * whether runs use it: that is the caller's (nf_journal_gear_use). */
NF_API nf_err nf_journal_delete_gear(nf_journal *j, int64_t id, nf_error *err);

/* ---- episodes of numbness ---- */

typedef struct nf_episode {
	int64_t id;            /* set by add */
	int64_t run_id;        /* the run it happened on */
	double onset_km;       /* distance into the run when it began; NaN unknown */
	double onset_min;      /* minutes into the run when it began; NaN unknown */
	uint32_t locations;    /* bit i set: nf_location_name(i) */
	nf_side side;          /* stored as the foot's side when unknown and the foot is known */
	nf_foot foot;          /* agrees with side when both are known; both feet: stored as both */
	int severity;          /* 0..10; -1 unknown */
	double recover_min;    /* minutes until feeling came back; NaN unknown */
	int not_back;          /* 1: feeling had not come back when it was logged (recover_min NaN) */
	int calf_cramp_first;  /* 1 yes, 0 no, -1 unknown */
	int loosening_helped;  /* 1 yes, 0 no, -1 unknown */
	char notes[NF_JOURNAL_NOTES_MAX];
} nf_episode;

/* Sets every field of e to unknown. */
NF_API void nf_episode_init(nf_episode *e);

/* Adds e to run e->run_id (its id is set). NF_ENOTFOUND if the run does not exist, NF_EINVAL for
 * a value out of range (severity, negative distances) or a foot that contradicts the side (left
 * with both). A known foot with an unknown side stores the foot's side, and both feet with an
 * unknown foot stores both as the foot; a read returns them. */
NF_API nf_err nf_journal_add_episode(nf_journal *j, nf_episode *e, nf_error *err);
NF_API nf_err nf_journal_get_episode(nf_journal *j, int64_t id, nf_episode *out, nf_error *err);
NF_API nf_err nf_journal_update_episode(nf_journal *j, const nf_episode *e, nf_error *err);
NF_API nf_err nf_journal_delete_episode(nf_journal *j, int64_t id, nf_error *err);

/* The episodes of run_id (every episode when run_id is 0), oldest run first, in a new array
 * freed with nf_episode_list_free(). */
NF_API nf_err nf_journal_list_episodes(nf_journal *j, int64_t run_id, nf_episode **out, size_t *n,
				       nf_error *err);
NF_API void nf_episode_list_free(nf_episode *list);

/* ---- runs ---- */

typedef struct nf_journal_run {
	int64_t id;            /* set by add */
	nf_run_record rec;     /* time, distance, durations, averages, source file and hash */
	char cadence_unit[NF_JOURNAL_UNIT_MAX]; /* the unit the cadence came in; "" unknown */
	char surface[NF_JOURNAL_NAME_MAX];
	int64_t shoes_id;      /* 0: none */
	int64_t insoles_id;    /* 0: none */
	char shoes[NF_JOURNAL_NAME_MAX];   /* read only: nickname of shoes_id, or "" */
	char insoles[NF_JOURNAL_NAME_MAX]; /* read only: nickname of insoles_id, or "" */
	char notes[NF_JOURNAL_NOTES_MAX];
} nf_journal_run;

/* Sets r to an empty run: every quantity unknown, no gear. */
NF_API void nf_journal_run_init(nf_journal_run *r);

/* Bits of *crossed: the run took that gear to or past its retirement distance. */
#define NF_CROSSED_SHOES 1u
#define NF_CROSSED_INSOLES 2u

/* Adds run r (its id is set) together with its n episodes (their run_id and id are set), all
 * in one transaction. NF_EEXIST if r->rec.source_sha256 is already stored, NF_ENOTFOUND if its
 * gear does not exist, NF_EINVAL if shoes_id is not shoes or insoles_id not insoles, or a value
 * is out of range; on any error nothing is written.
 * *crossed (may be NULL) gets NF_CROSSED_* bits for gear this run took past retire_km. */
NF_API nf_err nf_journal_add_run(nf_journal *j, nf_journal_run *r, nf_episode *episodes, size_t n,
				 unsigned *crossed, nf_error *err);

/* nf_journal_add_run with the run's GPS route (track, ntrack points; NULL and 0 for none), all in
 * one transaction. A route longer than NF_TRACK_MAX is thinned evenly to that many points, the
 * first and last kept. NF_EINVAL, with nothing written, if a point's position is not a finite
 * latitude and longitude. */
NF_API nf_err nf_journal_add_run_track(nf_journal *j, nf_journal_run *r, nf_episode *episodes, size_t n,
				       const nf_track_point *track, size_t ntrack, unsigned *crossed, nf_error *err);

/* The route of run run_id in a new array *out of *n points (the caller frees it with free());
 * *out NULL and *n 0 when the run has none. NF_ENOTFOUND if there is no such run; NF_EDB if the
 * stored route is damaged. Positions come back within 1e-7 degrees, distances and times within
 * float precision. */
NF_API nf_err nf_journal_get_track(nf_journal *j, int64_t run_id, nf_track_point **out, size_t *n, nf_error *err);

/* Deletes the route of run run_id and keeps the run. NF_ENOTFOUND if there is no such run. */
NF_API nf_err nf_journal_delete_track(nf_journal *j, int64_t run_id, nf_error *err);

/* The id of the run imported from the file with that SHA-256 (hex) in *id, or 0 if none. */
NF_API nf_err nf_journal_find_source(nf_journal *j, const char *sha256, int64_t *id, nf_error *err);

/* The same activity from another file (the FIT and the TCX of one run): the id in *id of a
 * run imported from a file whose start is within NF_SAME_RUN_START_S seconds of rec's and
 * whose distance is within NF_SAME_RUN_DIST of it (or either distance unknown), the nearest
 * start first; 0 if none. Typed runs are never matched: a file brings more than a typed line. */
#define NF_SAME_RUN_START_S 60
#define NF_SAME_RUN_DIST 0.02
NF_API nf_err nf_journal_find_same_run(nf_journal *j, const nf_run_record *rec, int64_t *id, nf_error *err);

/* A run like rec already in the journal, typed or imported (typed_only: typed runs only, those
 * with no source file): the id in *id of a run whose start is within NF_LIKE_RUN_START_S seconds
 * of rec's and whose distance is within NF_LIKE_RUN_DIST of it (or either distance unknown), the
 * nearest start first; 0 if none or rec's start is unknown. The journal only answers; whether
 * such a run is refused, skipped or stored anyway is the caller's (run add --force, import). */
#define NF_LIKE_RUN_START_S 300
#define NF_LIKE_RUN_DIST 0.10
NF_API nf_err nf_journal_find_like_run(nf_journal *j, const nf_run_record *rec, bool typed_only, int64_t *id,
				       nf_error *err);

/* A run that rec would clash with, for a run typed or changed by hand (run add, run edit): first
 * one like it (nf_journal_find_like_run, typed or imported), else one whose time overlaps rec's,
 * one starting before the other ends (a run of unknown duration counts as its start alone, so
 * two of unknown duration never overlap). A person runs one run at a time, so either is a duplicate or a typing slip. The run
 * except_id (the one being edited; 0 none) is never matched. The id in *id, 0 if none or rec's
 * start is unknown; *overlap true when it was found by its time alone. A run that the stored
 * run except_id already overlapped is not an overlap of the edit: only one that the change lays
 * it over is. */
#define NF_OVERLAP_LOOKBACK_S (7 * 86400) /* longest run looked back for: a week covers multi-day ultras */
NF_API nf_err nf_journal_find_clash(nf_journal *j, const nf_run_record *rec, int64_t except_id, int64_t *id,
				    bool *overlap, nf_error *err);

NF_API nf_err nf_journal_get_run(nf_journal *j, int64_t id, nf_journal_run *out, nf_error *err);

/* ---- intake: storing the runs an import read ----
 *
 * The rules 'numbfoot import' and the page's upload share: a file already stored, or the same
 * activity from another file, is not stored again; each run gets the gear given, else the pair in
 * service on its date; the shoes an export's gear column names are found by nickname or made
 * (and dated at their earliest run when the intake closes). */
typedef struct nf_intake nf_intake;

typedef struct nf_intake_opts {
	int64_t shoes, insoles; /* for every run; -1 (the default): in service on its date; 0: none */
	bool keep_route;        /* store each run's route (default true) */
	bool merge;             /* a run like one typed by hand is taken into it (nf_journal_merge_file)
				   rather than skipped (default false) */
} nf_intake_opts;

NF_API void nf_intake_opts_init(nf_intake_opts *o);

typedef enum nf_intake_status {
	NF_INTAKE_STORED,    /* run_id: the new run */
	NF_INTAKE_DUPLICATE, /* the same file is stored: run_id is that run */
	NF_INTAKE_SAME_RUN,  /* the same activity from another file: run_id is that run */
	NF_INTAKE_REFUSED,   /* the journal refused a value of this run: refused says which */
	NF_INTAKE_TYPED_RUN, /* a run typed by hand is like it (nf_journal_find_like_run): run_id is
				that run, kept as it is with its episodes */
	NF_INTAKE_MERGED,    /* with opts.merge: taken into the typed run run_id, its episodes kept */
} nf_intake_status;

typedef struct nf_intake_run {
	nf_intake_status status;
	int64_t run_id;
	int64_t shoes_id;   /* STORED: the shoes it got, 0 none */
	unsigned crossed;   /* STORED: NF_CROSSED_* bits */
	bool made_shoes;    /* shoes were made from the gear name given */
	nf_error gear_note; /* STORED, code set: the gear name given could not name shoes (why); the
			     * run has the pair in service on its day instead */
	nf_error refused;   /* REFUSED: why */
} nf_intake_run;

/* Starts an intake into j with options o (copied); *out is the caller's, ended with
 * nf_intake_close. */
NF_API nf_err nf_intake_open(nf_journal *j, const nf_intake_opts *o, nf_intake **out, nf_error *err);
/* Stores one run read from a file (rec with its source_file and source_sha256; its route of nroute
 * points, or NULL), with gear the shoes' name an export gives (NULL or "" for none). NF_OK with
 * *res saying what happened to this run; any other code means the journal itself failed (nothing
 * of this run is written) and later runs would fail the same way. */
NF_API nf_err nf_intake_store(nf_intake *in, const nf_run_record *rec, const nf_track_point *route, size_t nroute,
			      const char *gear, nf_intake_run *res, nf_error *err);
/* What became of a run that was not stored, in words that begin with name (the file as the person
 * gave it): "NAME: already in the journal as run 12", "NAME: the same run as run 12 (...)",
 * "NAME: looks like run 12 (2026-12-01 18:00 UTC, 10.00 km), typed by hand: ...", or the
 * journal's refusal. Writes "" for a stored run. */
NF_API void nf_intake_words(const nf_intake_run *res, const char *name, char *buf, size_t cap);
/* Dates the shoes the intake made and frees it (accepts NULL); the first error, if any. */
NF_API nf_err nf_intake_close(nf_intake *in, nf_error *err);

/* The id of the latest run by start time in *id; NF_ENOTFOUND when the journal has none. */
NF_API nf_err nf_journal_last_run(nf_journal *j, int64_t *id, nf_error *err);

/* Rewrites run r->id from r (the source hash is kept as stored). */
NF_API nf_err nf_journal_update_run(nf_journal *j, const nf_journal_run *r, nf_error *err);

/* Takes a file's run (rec, with its source file and hash, and its route of ntrack points, NULL
 * and 0 for none) into run_id, a run typed by hand (import --merge): the run keeps its id, gear,
 * surface, notes and episodes, and gets the file's start, distance, times, cadence, stride,
 * temperature, heart rate, route and source (a measure the file lacks keeps the typed value), in
 * one transaction. NF_EINVAL, with nothing written, when run_id came from a file, when the file's
 * values are out of range, or when the file's distance or time ends the run before numbness
 * recorded on it; NF_EEXIST when the file is already stored; NF_ENOTFOUND when there is no run. */
NF_API nf_err nf_journal_merge_file(nf_journal *j, int64_t run_id, const nf_run_record *rec,
				   const nf_track_point *track, size_t ntrack, nf_error *err);

/* Sets the gear of kind of every run that started in [from, to) (Unix seconds) to gear_id (0:
 * none), in one statement; *changed gets how many runs there were. NF_EINVAL for an empty
 * period or gear of another kind, NF_ENOTFOUND for no such gear. */
NF_API nf_err nf_journal_set_gear_between(nf_journal *j, nf_gear_kind kind, int64_t gear_id, int64_t from,
					  int64_t to, int64_t *changed, nf_error *err);

/* Deletes run id and, by cascade, its episodes. */
NF_API nf_err nf_journal_delete_run(nf_journal *j, int64_t id, nf_error *err);

/* Calls fn for each run in start-time order (unknown times first); r is valid only during the
 * call. Stops at the first fn that returns non-zero, and returns the code fn set in err, or
 * NF_EINVAL when fn set none. err is cleared first.
 * limit 0 means all; else only the latest limit runs (still oldest first). */
typedef int (*nf_journal_run_fn)(const nf_journal_run *r, void *ctx);
NF_API nf_err nf_journal_each_run(nf_journal *j, size_t limit, nf_journal_run_fn fn, void *ctx,
				  nf_error *err);

/* The same into a new array freed with nf_journal_run_list_free(). */
NF_API nf_err nf_journal_list_runs(nf_journal *j, size_t limit, nf_journal_run **out, size_t *n,
				   nf_error *err);
NF_API void nf_journal_run_list_free(nf_journal_run *list);

/* ---- assessments (schema v2, complete since v4; written by the engine's front ends) ---- */

/* Stores an assessment: answers and result are JSON texts (result may be NULL), time is ISO
 * 8601 UTC. complete is false for an interview that ended before the engine had asked all it
 * wanted (the input closed, or the runner stopped it): such an assessment is kept for the runner
 * to see but is never the report's headline. *id (may be NULL) gets its id. NF_EINVAL if a text
 * is not valid JSON. */
NF_API nf_err nf_journal_add_assessment(nf_journal *j, const char *time, const char *answers,
					const char *result, bool complete, int64_t *id, nf_error *err);

typedef struct nf_assessment {
	int64_t id;
	char time[21];   /* ISO 8601 UTC */
	bool complete;   /* the interview ran to its end (rows saved before schema 4: true) */
	char *answers;   /* JSON text, owned by the list or the struct */
	char *result;    /* JSON text or NULL, owned by the list or the struct */
} nf_assessment;

/* Every stored assessment, oldest first, in a new array (with its texts) freed with
 * nf_assessment_list_free(list, n). */
NF_API nf_err nf_journal_list_assessments(nf_journal *j, nf_assessment **out, size_t *n,
					  nf_error *err);
NF_API void nf_assessment_list_free(nf_assessment *list, size_t n);

/* The assessment with that id into *out, whose texts the caller frees with
 * nf_assessment_release(out). NF_ENOTFOUND "no assessment with id N" when there is none; *out
 * then owns nothing. */
NF_API nf_err nf_journal_get_assessment(nf_journal *j, int64_t id, nf_assessment *out, nf_error *err);
/* Frees the texts of one assessment filled by nf_journal_get_assessment; accepts NULL. */
NF_API void nf_assessment_release(nf_assessment *a);

/* Deletes the assessment with that id in one transaction (NF_ENOTFOUND when there is none), then
 * copies the write-ahead log back into the file and truncates it, so that with secure_delete
 * no byte of its answers is left in the file or the log. If only that wipe fails (another
 * program is reading the journal), the row is gone, NF_EDB says so, and the bytes go when the
 * last program using the journal closes it. */
NF_API nf_err nf_journal_delete_assessment(nf_journal *j, int64_t id, nf_error *err);

/* The number of rows in each table, for summaries and tests. */
typedef struct nf_journal_counts {
	int64_t gear, runs, episodes, assessments;
} nf_journal_counts;
NF_API nf_err nf_journal_count(nf_journal *j, nf_journal_counts *out, nf_error *err);

/* ---- records as JSON (docs/journal.md) ---- */

/* The one JSON shape of each record, which `numbfoot export`, the journal commands' --json and
 * the web API (docs/web.md) all print: unknown values are null, times ISO 8601 UTC, a run's
 * distance in metres, gear and onset distances in km. Each returns a new jansson value the
 * caller owns (json_decref); NULL only when out of memory, with nothing left allocated. The
 * library never prints them. */
struct json_t;
NF_API struct json_t *nf_gear_json(const nf_gear *g);
NF_API struct json_t *nf_run_json(const nf_journal_run *r);
NF_API struct json_t *nf_episode_json(const nf_episode *e);
/* {id, time, complete, answers, result}, the stored texts parsed (docs/result-schema.md). */
NF_API struct json_t *nf_assessment_json(const nf_assessment *a);
/* Arrays of the n records of list (NULL when n is 0) in those shapes. */
NF_API struct json_t *nf_gear_list_json(const nf_gear *list, size_t n);
NF_API struct json_t *nf_episode_list_json(const nf_episode *list, size_t n);
NF_API struct json_t *nf_assessment_list_json(const nf_assessment *list, size_t n);
/* The run with, under "episodes", those of the n episodes in eps whose run_id is r->id (eps may
 * hold other runs' too), in their order. */
NF_API struct json_t *nf_run_with_episodes_json(const nf_journal_run *r, const nf_episode *eps, size_t n);

#ifdef __cplusplus
}
#endif
#endif
