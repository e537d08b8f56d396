// DarkSector's C interface to Pythia 8: see darksector_pythia8.h.
#include "darksector_pythia8.h"

#include <cmath>
#include <cstring>
#include <exception>
#include <sstream>
#include <string>

#include "Pythia8/Pythia.h"

struct ds_pythia8 {
    Pythia8::Pythia pythia;
    explicit ds_pythia8(const std::string &xmldoc) : pythia(xmldoc, false) {}
};

static void copyError(char *error, int32_t capacity, const std::string &message) {
    if (error == nullptr || capacity <= 0) return;
    std::strncpy(error, message.c_str(), size_t(capacity) - 1);
    error[capacity - 1] = '\0';
}

extern "C" {

int32_t ds_pythia8_api_version(void) { return DS_PYTHIA8_API_VERSION; }

double ds_pythia8_version(void) { return PYTHIA_VERSION; }

ds_pythia8 *ds_pythia8_create(const char *xmldoc, char *error, int32_t error_capacity) {
    // Pythia reports a bad xmldoc path on std::cout and marks itself unusable; keep its
    // words for the error message instead of printing them.
    std::ostringstream captured;
    std::streambuf *saved = std::cout.rdbuf(captured.rdbuf());
    ds_pythia8 *p = nullptr;
    try {
        p = new ds_pythia8(xmldoc ? xmldoc : "");
    } catch (const std::exception &e) {
        std::cout.rdbuf(saved);
        copyError(error, error_capacity, std::string("Pythia threw: ") + e.what());
        return nullptr;
    }
    // readString refuses everything when the settings database was not read; quiet
    // printing is what we want anyway (errors come back through return codes).
    const bool constructed = p->pythia.readString("Print:quiet = on", false);
    std::cout.rdbuf(saved);
    if (!constructed) {
        copyError(error, error_capacity, "Pythia could not read its settings from '" +
                  std::string(xmldoc ? xmldoc : "") + "': " + captured.str());
        delete p;
        return nullptr;
    }
    return p;
}

void ds_pythia8_destroy(ds_pythia8 *p) { delete p; }

int32_t ds_pythia8_read_string(ds_pythia8 *p, const char *setting) {
    return p->pythia.readString(setting, false) ? 1 : 0;
}

int32_t ds_pythia8_init(ds_pythia8 *p) {
    try { return p->pythia.init() ? 1 : 0; } catch (...) { return 0; }
}

int32_t ds_pythia8_next(ds_pythia8 *p) {
    try { return p->pythia.next() ? 1 : 0; } catch (...) { return 0; }
}

void ds_pythia8_reseed(ds_pythia8 *p, int32_t seed) { p->pythia.rndm.init(seed); }

void ds_pythia8_event_reset(ds_pythia8 *p) { p->pythia.event.reset(); }

int32_t ds_pythia8_event_append(ds_pythia8 *p, int32_t id, int32_t status,
                                double px, double py, double pz, double e, double m) {
    return p->pythia.event.append(id, status, 0, 0, px, py, pz, e, m);
}

int32_t ds_pythia8_event_size(ds_pythia8 *p) { return p->pythia.event.size(); }

int32_t ds_pythia8_event_copy(ds_pythia8 *p, ds_pythia8_particle *out, int32_t capacity) {
    const Pythia8::Event &event = p->pythia.event;
    const int size = event.size();
    const int n = size < capacity ? size : capacity;
    for (int i = 0; i < n; ++i) {
        const Pythia8::Particle &q = event[i];
        ds_pythia8_particle &o = out[i];
        o.id = q.id(); o.status = q.status();
        o.mother1 = q.mother1(); o.mother2 = q.mother2();
        o.daughter1 = q.daughter1(); o.daughter2 = q.daughter2();
        o.px = q.px(); o.py = q.py(); o.pz = q.pz(); o.e = q.e(); o.m = q.m();
        o.x = q.xProd(); o.y = q.yProd(); o.z = q.zProd(); o.t = q.tProd();
        o.tau = q.tau();
    }
    return size;
}

double ds_pythia8_sigma_gen_mb(ds_pythia8 *p) { return p->pythia.info.sigmaGen(); }
double ds_pythia8_sigma_err_mb(ds_pythia8 *p) { return p->pythia.info.sigmaErr(); }
int64_t ds_pythia8_accepted(ds_pythia8 *p) { return p->pythia.info.nAccepted(); }
int64_t ds_pythia8_tried(ds_pythia8 *p) { return p->pythia.info.nTried(); }

double ds_pythia8_particle_property(ds_pythia8 *p, int32_t id, const char *property) {
    Pythia8::ParticleData &data = p->pythia.particleData;
    if (!data.isParticle(id) || property == nullptr) return NAN;
    const std::string name(property);
    if (name == "m0") return data.m0(id);
    if (name == "tau0") return data.tau0(id);
    if (name == "mWidth") return data.mWidth(id);
    if (name == "charge") return data.charge(id);
    return NAN;
}

}  // extern "C"
