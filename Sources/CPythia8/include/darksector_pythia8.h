/* DarkSector's C interface to Pythia 8 (issue #19).
 *
 * Pythia is C++; Swift reaches it through these extern "C" functions, compiled with
 * Pythia's sources into libdarksector_pythia8.so (External/Pythia8/Makefile) and loaded
 * with dlopen by Sources/Pythia8Bridge, so that building the Swift package never needs
 * Pythia. Every function is safe to call on one handle from one thread at a time;
 * separate handles are independent (one per production shard).
 *
 * Units are Pythia's: GeV, mm, mm/c, mb.
 */
#ifndef DARKSECTOR_PYTHIA8_H
#define DARKSECTOR_PYTHIA8_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this interface; the Swift side refuses a library with another one. */
#define DS_PYTHIA8_API_VERSION 1

/* One entry of Pythia's event record. Indices (mothers, daughters) refer to positions in
 * the same record; entry 0 is Pythia's system line. */
typedef struct {
    int32_t id;          /* PDG code */
    int32_t status;      /* Pythia status: > 0 final state */
    int32_t mother1, mother2;
    int32_t daughter1, daughter2;
    double px, py, pz, e, m;   /* GeV */
    double x, y, z, t;   /* production vertex (vProd): mm, mm/c */
    double tau;          /* proper lifetime assigned by Pythia: mm/c */
} ds_pythia8_particle;

typedef struct ds_pythia8 ds_pythia8;

int32_t ds_pythia8_api_version(void);
/* Pythia's version number, e.g. 8.318. */
double ds_pythia8_version(void);

/* A new generator reading its settings database from `xmldoc` (share/Pythia8/xmldoc).
 * Returns NULL and fills `error` when that fails. Prints nothing (no banner). */
ds_pythia8 *ds_pythia8_create(const char *xmldoc, char *error, int32_t error_capacity);
void ds_pythia8_destroy(ds_pythia8 *p);

/* One setting in Pythia's syntax ("Beams:eCM = 10.58"). 1 if Pythia accepted it. */
int32_t ds_pythia8_read_string(ds_pythia8 *p, const char *setting);
/* Initialises after the settings. 1 on success. */
int32_t ds_pythia8_init(ds_pythia8 *p);
/* Generates the next event. 1 on success, 0 if Pythia failed (try again). */
int32_t ds_pythia8_next(ds_pythia8 *p);

/* Restarts Pythia's random-number generator with `seed` (1 ... 900 000 000). */
void ds_pythia8_reseed(ds_pythia8 *p, int32_t seed);

/* Decay-only use (ProcessLevel:all = off): empty the event record (keeping the system
 * line), append particles, then ds_pythia8_next() decays and hadronises them. */
void ds_pythia8_event_reset(ds_pythia8 *p);
int32_t ds_pythia8_event_append(ds_pythia8 *p, int32_t id, int32_t status,
                                double px, double py, double pz, double e, double m);

/* Size of the current event record, and a copy of up to `capacity` entries into `out`.
 * Returns the number of entries in the record (copy again with a larger buffer if it
 * exceeds `capacity`). */
int32_t ds_pythia8_event_size(ds_pythia8 *p);
int32_t ds_pythia8_event_copy(ds_pythia8 *p, ds_pythia8_particle *out, int32_t capacity);

/* Pythia's estimate of the generated cross section and its error (mb), and counters. */
double ds_pythia8_sigma_gen_mb(ds_pythia8 *p);
double ds_pythia8_sigma_err_mb(ds_pythia8 *p);
int64_t ds_pythia8_accepted(ds_pythia8 *p);
int64_t ds_pythia8_tried(ds_pythia8 *p);

/* A particle property from Pythia's table (e.g. "m0", "tau0" in mm/c), NAN if unknown. */
double ds_pythia8_particle_property(ds_pythia8 *p, int32_t id, const char *property);

#ifdef __cplusplus
}
#endif

#endif
