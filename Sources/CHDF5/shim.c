#include "CHDF5.h"
#include <string.h>
#include <stdlib.h>
#include <math.h>
#include <zlib.h>
#include <libdeflate.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* libdeflate (de)compresses the zlib format two to three times faster than zlib itself;
   one (de)compressor per thread, created on first use. */
static _Thread_local struct libdeflate_decompressor *ds_decompressor = NULL;
static _Thread_local struct libdeflate_compressor *ds_compressor = NULL;
static _Thread_local int ds_compressor_level = -1;

/* H5_checksum_fletcher32 is exported by libhdf5 (H5checksum.c) but declared only in its
   private headers; CHDF5.h declares it for the tests. */

/* HDF5's Fletcher-32, bit for bit, eight 16-bit words at a time.

   Why not H5_checksum_fletcher32 itself: it adds one big-endian word per step (a serial
   dependency chain) and was 3.4% of the `bench generate` profile, about a sixth of the chunk
   encoding. HDF5 sums blocks of 360 words exactly (no overflow by design) and folds the two
   sums (x & 0xffff) + (x >> 16) after each block; the folded values depend only on the exact
   block sums, so computing those sums in another order gives the identical checksum (the
   tests compare with H5_checksum_fletcher32 on random data of many lengths). Per block of
   m groups of 8 words w[t][l]: sum1 += S = sum w, and sum2 += 8m sum1_in + sum_i (8m - i) w_i,
   where sum_i (8m - i) w_i = 8 sum_t (m - t) W_t - sum_l l A_l with A_l = sum_t w[t][l] and
   sum_t (m - t) W_t accumulated as the running sum B of A. */
uint32_t ds_fletcher32(const void *_data, size_t _len) {
    const uint8_t *data = (const uint8_t *)_data;
    size_t len = _len / 2;
    uint32_t sum1 = 0, sum2 = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    while (len >= 360) {
        __m128i alo = zero, ahi = zero, blo = zero, bhi = zero;
        for (int t = 0; t < 45; t++) {
            __m128i x = _mm_loadu_si128((const __m128i *)(data + 16 * t));
            __m128i w = _mm_or_si128(_mm_slli_epi16(x, 8), _mm_srli_epi16(x, 8));  /* big-endian words */
            alo = _mm_add_epi32(alo, _mm_unpacklo_epi16(w, zero));
            ahi = _mm_add_epi32(ahi, _mm_unpackhi_epi16(w, zero));
            blo = _mm_add_epi32(blo, alo);
            bhi = _mm_add_epi32(bhi, ahi);
        }
        uint32_t a[8], b[8];
        _mm_storeu_si128((__m128i *)a, alo);
        _mm_storeu_si128((__m128i *)(a + 4), ahi);
        _mm_storeu_si128((__m128i *)b, blo);
        _mm_storeu_si128((__m128i *)(b + 4), bhi);
        uint64_t s = 0, bs = 0, la = 0;
        for (int l = 0; l < 8; l++) { s += a[l]; bs += b[l]; la += (uint64_t)l * a[l]; }
        uint64_t s2 = (uint64_t)sum2 + 360u * (uint64_t)sum1 + 8 * bs - la;
        uint64_t s1 = (uint64_t)sum1 + s;
        sum1 = (uint32_t)s1;   /* exact: HDF5's 32-bit sums do not overflow within a block */
        sum2 = (uint32_t)s2;
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        data += 720;
        len -= 360;
    }
#endif
    while (len) {
        size_t tlen = len > 360 ? 360 : len;
        len -= tlen;
        do {
            sum1 += (uint32_t)(((uint16_t)data[0]) << 8) | ((uint16_t)data[1]);
            data += 2;
            sum2 += sum1;
        } while (--tlen);
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    if (_len % 2) {
        sum1 += (uint32_t)(((uint16_t)*data) << 8);
        sum2 += sum1;
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    return (sum2 << 16) | sum1;
}

hid_t ds_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
hid_t ds_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
hid_t ds_h5t_native_int8(void) { return H5T_NATIVE_INT8; }
hid_t ds_h5t_native_int32(void) { return H5T_NATIVE_INT32; }
hid_t ds_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
hid_t ds_h5t_native_uint8(void) { return H5T_NATIVE_UINT8; }
hid_t ds_h5t_native_uint32(void) { return H5T_NATIVE_UINT32; }
hid_t ds_h5t_native_uint64(void) { return H5T_NATIVE_UINT64; }
hid_t ds_h5t_c_s1(void) { return H5T_C_S1; }
hid_t ds_h5p_default(void) { return H5P_DEFAULT; }
hid_t ds_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
hid_t ds_h5p_file_create(void) { return H5P_FILE_CREATE; }
hid_t ds_h5p_group_create(void) { return H5P_GROUP_CREATE; }
hid_t ds_h5p_file_access(void) { return H5P_FILE_ACCESS; }
hid_t ds_h5p_link_create(void) { return H5P_LINK_CREATE; }
hid_t ds_h5s_all(void) { return H5S_ALL; }
hsize_t ds_h5s_unlimited(void) { return H5S_UNLIMITED; }
unsigned ds_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
unsigned ds_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
unsigned ds_h5f_acc_excl(void) { return H5F_ACC_EXCL; }
void ds_h5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

static void ds_unshuffle(const unsigned char *src, unsigned char *dst, size_t bytes, size_t element_size) {
    size_t n = bytes / element_size;
    for (size_t j = 0; j < element_size; j++) {
        const unsigned char *s = src + j * n;
        unsigned char *d = dst + j;
        for (size_t i = 0; i < n; i++) d[i * element_size] = s[i];
    }
    size_t tail = bytes - n * element_size;
    if (tail) memcpy(dst + n * element_size, src + n * element_size, tail);
}

int ds_decode_chunk(const unsigned char *src, size_t src_bytes,
                    int shuffled, int deflated, int fletcher32,
                    size_t element_size, size_t chunk_bytes,
                    unsigned char *scratch, unsigned char *dst) {
    size_t payload = src_bytes;
    if (fletcher32) {
        if (src_bytes < 4) return -3;
        payload = src_bytes - 4;
        const unsigned char *p = src + payload;
        uint32_t stored = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
        uint32_t computed = ds_fletcher32(src, payload);
        /* HDF5 also accepts the checksum as computed on big-endian machines (bytes swapped
           within each 16-bit half), see H5Zfletcher32.c. */
        uint32_t swapped = ((computed & 0x00ff00ffu) << 8) | ((computed & 0xff00ff00u) >> 8);
        if (stored != computed && stored != swapped) return -1;
    }
    if (deflated) {
        unsigned char *out = shuffled ? scratch : dst;
        if (!ds_decompressor) ds_decompressor = libdeflate_alloc_decompressor();
        if (!ds_decompressor) return -2;
        size_t out_bytes = 0;
        if (libdeflate_zlib_decompress(ds_decompressor, src, payload, out, chunk_bytes, &out_bytes) != LIBDEFLATE_SUCCESS)
            return -2;
        if (out_bytes != chunk_bytes) return -3;
        if (shuffled) ds_unshuffle(scratch, dst, chunk_bytes, element_size);
        return 0;
    }
    if (payload != chunk_bytes) return -3;
    if (shuffled) ds_unshuffle(src, dst, chunk_bytes, element_size);
    else memcpy(dst, src, chunk_bytes);
    return 0;
}

#if defined(__SSE2__)
/* 16 elements at a time with SSE2 byte interleaves; returns how many elements it did, the
   caller finishes the rest. Same bytes as the scalar loop.
   The 16 x 8 bytes sit in 8 vectors; a byte's 7-bit address is (element e3..e0, byte b2..b0)
   with the top three bits selecting the vector. One pass of
   out[2k + h] = unpack{lo,hi}_epi8(in[k], in[k + 4]) rotates every address left by one bit,
   so four passes give (b2..b0, e3..e0): vector b holds byte b of the 16 elements in order. */
static size_t ds_shuffle8_sse2(const unsigned char *src, unsigned char *dst, size_t n) {
    size_t j = 0;
    for (; j + 16 <= n; j += 16) {
        __m128i a[8], b[8];
        for (int k = 0; k < 8; k++) a[k] = _mm_loadu_si128((const __m128i *)(src + j * 8 + k * 16));
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < 4; k++) {
                b[2 * k] = _mm_unpacklo_epi8(a[k], a[k + 4]);
                b[2 * k + 1] = _mm_unpackhi_epi8(a[k], a[k + 4]);
            }
            for (int k = 0; k < 4; k++) {
                a[2 * k] = _mm_unpacklo_epi8(b[k], b[k + 4]);
                a[2 * k + 1] = _mm_unpackhi_epi8(b[k], b[k + 4]);
            }
        }
        for (int k = 0; k < 8; k++) _mm_storeu_si128((__m128i *)(dst + j + k * n), a[k]);
    }
    return j;
}

/* The same for 4-byte elements (the scheme of c-blosc's shuffle-sse2.c). */
static size_t ds_shuffle4_sse2(const unsigned char *src, unsigned char *dst, size_t n) {
    size_t j = 0;
    for (; j + 16 <= n; j += 16) {
        __m128i a[4], b[4];
        for (int k = 0; k < 4; k++) {
            a[k] = _mm_loadu_si128((const __m128i *)(src + j * 4 + k * 16));
            b[k] = _mm_shuffle_epi32(a[k], 0xd8);
            a[k] = _mm_shuffle_epi32(a[k], 0x8d);
            a[k] = _mm_unpacklo_epi8(b[k], a[k]);
            b[k] = _mm_shuffle_epi32(a[k], 0x04e);
            a[k] = _mm_unpacklo_epi16(a[k], b[k]);
        }
        for (int k = 0; k < 2; k++) {
            int l = 2 * k;
            b[k * 2] = _mm_unpacklo_epi32(a[l], a[l + 1]);
            b[k * 2 + 1] = _mm_unpackhi_epi32(a[l], a[l + 1]);
        }
        for (int k = 0; k < 2; k++) {
            a[k * 2] = _mm_unpacklo_epi64(b[k], b[k + 2]);
            a[k * 2 + 1] = _mm_unpackhi_epi64(b[k], b[k + 2]);
        }
        for (int k = 0; k < 4; k++) _mm_storeu_si128((__m128i *)(dst + j + k * n), a[k]);
    }
    return j;
}
#endif

static void ds_shuffle(const unsigned char *src, unsigned char *dst, size_t bytes, size_t element_size) {
    size_t n = bytes / element_size;
    size_t first = 0;
#if defined(__SSE2__)
    if (element_size == 8) first = ds_shuffle8_sse2(src, dst, n);
    else if (element_size == 4) first = ds_shuffle4_sse2(src, dst, n);
#endif
    if (first > 0) {
        for (size_t j = 0; j < element_size; j++) {
            const unsigned char *s = src + j;
            unsigned char *d = dst + j * n;
            for (size_t i = first; i < n; i++) d[i] = s[i * element_size];
        }
        size_t tail = bytes - n * element_size;
        if (tail) memcpy(dst + n * element_size, src + n * element_size, tail);
        return;
    }
    for (size_t j = 0; j < element_size; j++) {
        const unsigned char *s = src + j;
        unsigned char *d = dst + j * n;
        for (size_t i = 0; i < n; i++) d[i] = s[i * element_size];
    }
    size_t tail = bytes - n * element_size;
    if (tail) memcpy(dst + n * element_size, src + n * element_size, tail);
}

size_t ds_encoded_bound(size_t chunk_bytes) {
    /* Generous: covers zlib's and libdeflate's worst cases (stored blocks plus headers),
       which for tiny chunks exceed compressBound. */
    return chunk_bytes + chunk_bytes / 8 + 1024 + 4;
}

/* ---- Planar deflate: stored, Huffman-only, run-length and constant planes ----

   At level 1 a chunk is written as one zlib stream made of blocks this file writes itself,
   one or more per byte plane (after the shuffle, plane j holds byte j of every element).
   Each plane is classified from its data:
   - constant (C): every byte the same (all-zero high bytes of small integers and offsets,
     constant columns such as unit weights): one fixed-Huffman block, the byte once and then
     matches of 258 at distance 1 (13 bits each), about 420 bytes per 64 KiB plane;
   - run-length (R): a probe finds 7/8 of its bytes equal to their predecessor (the slowly rising
     bytes of offsets and event numbers, sparse flags): one dynamic-Huffman block of
     literals and matches at distance 1 (zlib's Z_RLE strategy), the codes built from the
     whole plane's tokens;
   - Huffman-only (H): a literal code would save 1/32 of a probe (exponent bytes, small
     alphabets such as PDG codes): one dynamic-Huffman block of literals;
   - stored (S): neither (random mantissa bytes): stored blocks.
   Three 4 KiB probes decide (start, middle and end of the plane; the end is where a final
   chunk's zero padding sits): a byte histogram each, and a count of repeated bytes.

   Why no LZ77 (libdeflate) at level 1 any more: it was 12% of `darksector bench generate`.
   libdeflate 1.14 at level 1 spends about 3 ns per byte on runs of one value (it hashes
   every position of a match), and its stream must end the zlib stream, so the constant
   high planes of every offsets and event-number chunk went through it. On the event
   columns, matches at distances other than 1 were worth little next to run-length coding.
   Levels 2-9 still deflate the shuffled chunk with libdeflate, for the best ratio. */

#define DS_PROBE_BYTES 4096
#define DS_MIN_PLANE_BYTES (4 * DS_PROBE_BYTES)

/* Lower bound on a literal-only Huffman coding of `len` bytes: order-0 entropy, but at
   least one bit per byte (no code is shorter). When the collision entropy
   -log2(sum p^2), a lower bound on the Shannon entropy, already shows no code could save
   1/32 (7.75 bits a byte), `len` is returned without the 256 logarithms: random mantissa
   bytes, most of the planes, are decided with one. */
static double ds_literal_bytes(const unsigned char *p, size_t len) {
    uint32_t h[256] = {0};
    for (size_t i = 0; i < len; i++) h[p[i]]++;
    uint64_t collisions = 0;
    for (int i = 0; i < 256; i++) collisions += (uint64_t)h[i] * h[i];
    if (collisions > 0 && log2((double)len * (double)len / (double)collisions) >= 7.75) return (double)len;
    double bits = 0;
    for (int i = 0; i < 256; i++) {
        if (!h[i]) continue;
        double b = log2((double)len / h[i]);
        bits += h[i] * (b < 1 ? 1 : b);
    }
    return bits / 8;
}

/* Bytes equal to their predecessor. */
static size_t ds_repeats(const unsigned char *p, size_t len) {
    size_t r = 0;
    for (size_t i = 1; i < len; i++) r += p[i] == p[i - 1];
    return r;
}

enum { DS_PLANE_STORED = 0, DS_PLANE_HUFFMAN = 1, DS_PLANE_RLE = 2, DS_PLANE_CONSTANT = 3 };

static int ds_classify_plane(const unsigned char *p, size_t plane_bytes) {
    const size_t n = DS_PROBE_BYTES;
    /* p[i] == p[i + 1] for all i: one (vectorised) pass. */
    if (plane_bytes > 0 && memcmp(p, p + 1, plane_bytes - 1) == 0) return DS_PLANE_CONSTANT;
    const unsigned char *probes[3] = {p, p + plane_bytes / 2, p + plane_bytes - n};
    int gains = 0;
    for (int i = 0; i < 3; i++) {
        /* Seven bytes in eight repeating their predecessor (runs of 8 on average): there
           matches save far more than finding them costs. Shorter runs end at unpredictable
           places, the scan mispredicts at every end (10 ns a byte for 0/1 flags), and a
           literal code is about as small. */
        if (ds_repeats(probes[i], n) > n - n / 8) return DS_PLANE_RLE;
        if (!gains && ds_literal_bytes(probes[i], n) < (double)(n - n / 32)) gains = 1;
    }
    return gains ? DS_PLANE_HUFFMAN : DS_PLANE_STORED;
}

/* LSB-first bit writer (RFC 1951 3.1.1). */
typedef struct {
    unsigned char *out;
    size_t pos, cap;
    uint64_t acc;
    int bits;
    int overflow;
} ds_bits;

static inline void ds_put(ds_bits *w, uint32_t v, int n) {
    w->acc |= (uint64_t)v << w->bits;
    w->bits += n;
    if (w->bits >= 32) {
        if (w->pos + 4 <= w->cap) {
            w->out[w->pos] = (unsigned char)w->acc;
            w->out[w->pos + 1] = (unsigned char)(w->acc >> 8);
            w->out[w->pos + 2] = (unsigned char)(w->acc >> 16);
            w->out[w->pos + 3] = (unsigned char)(w->acc >> 24);
        } else {
            w->overflow = 1;
        }
        w->pos += 4;
        w->acc >>= 32;
        w->bits -= 32;
    }
}

static void ds_align(ds_bits *w) {
    while (w->bits > 0) {
        if (w->pos < w->cap) w->out[w->pos] = (unsigned char)w->acc; else w->overflow = 1;
        w->pos++;
        w->acc >>= 8;
        w->bits -= 8;
    }
    w->acc = 0;
    w->bits = 0;
}

static void ds_put_bytes(ds_bits *w, const unsigned char *p, size_t n) {
    if (w->pos + n > w->cap) { w->overflow = 1; w->pos += n; return; }
    memcpy(w->out + w->pos, p, n);
    w->pos += n;
}

/* Stored blocks for `len` bytes (possibly empty), the last one final if `final`. */
static void ds_put_stored_blocks(ds_bits *w, const unsigned char *p, size_t len, int final) {
    do {
        size_t n = len > 65535 ? 65535 : len;
        ds_put(w, final && n == len ? 1 : 0, 1);
        ds_put(w, 0, 2);
        ds_align(w);
        unsigned char hdr[4] = {(unsigned char)(n & 0xff), (unsigned char)(n >> 8),
                                (unsigned char)(~n & 0xff), (unsigned char)((~n >> 8) & 0xff)};
        ds_put_bytes(w, hdr, 4);
        ds_put_bytes(w, p, n);
        p += n;
        len -= n;
    } while (len > 0);
}

static int ds_compare_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Huffman code lengths (at most `limit` bits) for `n` symbols; at least two counts must
   be non-zero. When the optimal code is too deep the counts are halved and it is rebuilt. */
static void ds_code_lengths(const uint32_t *freq_in, int n, int limit, uint8_t *len) {
    uint32_t f[288];
    memcpy(f, freq_in, sizeof(uint32_t) * n);
    for (;;) {
        int sym[288], m = 0;
        uint64_t key[288];
        for (int i = 0; i < n; i++) { len[i] = 0; if (f[i]) key[m++] = ((uint64_t)f[i] << 9) | (uint64_t)i; }
        /* by count, then symbol: deterministic (keys are distinct) */
        qsort(key, (size_t)m, sizeof(uint64_t), ds_compare_u64);
        for (int k = 0; k < m; k++) sym[k] = (int)(key[k] & 511);
        uint64_t w[576];
        int parent[576], depth[576];
        for (int k = 0; k < m; k++) w[k] = f[sym[k]];
        int leaf = 0, node = m, next = m;
        while (next < 2 * m - 1) {
            int pick[2];
            for (int t = 0; t < 2; t++) {
                if (leaf < m && (node >= next || w[leaf] <= w[node])) pick[t] = leaf++;
                else pick[t] = node++;
            }
            w[next] = w[pick[0]] + w[pick[1]];
            parent[pick[0]] = parent[pick[1]] = next;
            next++;
        }
        depth[2 * m - 2] = 0;
        int maxd = 0;
        for (int k = 2 * m - 3; k >= 0; k--) {
            depth[k] = depth[parent[k]] + 1;
            if (k < m && depth[k] > maxd) maxd = depth[k];
        }
        if (maxd <= limit) {
            for (int k = 0; k < m; k++) len[sym[k]] = (uint8_t)depth[k];
            return;
        }
        for (int i = 0; i < n; i++) if (f[i]) f[i] = (f[i] + 1) / 2;
    }
}

/* Canonical codes (RFC 1951 3.2.2), bit-reversed for the LSB-first writer. */
static void ds_canonical_codes(const uint8_t *len, int n, uint16_t *code) {
    int count[16] = {0}, next[16] = {0};
    for (int i = 0; i < n; i++) count[len[i]]++;
    count[0] = 0;
    int c = 0;
    for (int b = 1; b < 16; b++) { c = (c + count[b - 1]) << 1; next[b] = c; }
    for (int i = 0; i < n; i++) {
        if (!len[i]) { code[i] = 0; continue; }
        unsigned v = (unsigned)next[len[i]]++, r = 0;
        for (int b = 0; b < len[i]; b++) { r = (r << 1) | (v & 1); v >>= 1; }
        code[i] = (uint16_t)r;
    }
}

/* `code` of `len` bits, most significant first as Huffman codes are sent (RFC 1951 3.1.1). */
static uint32_t ds_reversed(uint32_t code, int len) {
    uint32_t r = 0;
    for (int i = 0; i < len; i++) { r = (r << 1) | (code & 1); code >>= 1; }
    return r;
}

/* Literal `v` with the fixed Huffman code (RFC 1951 3.2.6). */
static void ds_put_fixed_literal(ds_bits *w, unsigned v) {
    if (v < 144) ds_put(w, ds_reversed(0x30 + v, 8), 8);
    else ds_put(w, ds_reversed(0x190 + (v - 144), 9), 9);
}

/* One fixed-Huffman block holding `n` copies of byte `b`: the literal, then matches of
   length 258 (symbol 285, 8 bits) at distance 1 (distance code 0, 5 bits), the rest as
   literals, then end of block (symbol 256, seven zero bits). */
static void ds_put_constant_block(ds_bits *w, unsigned char b, size_t n, int final) {
    ds_put(w, final ? 1 : 0, 1);
    ds_put(w, 1, 2);            /* BTYPE 01: fixed Huffman */
    size_t left = n;
    if (left) { ds_put_fixed_literal(w, b); left--; }
    const uint32_t match258 = ds_reversed(0xC5, 8);   /* 285 = 280 + 5 -> 11000101; distance code 0 = 00000 */
    while (left >= 258) { ds_put(w, match258, 13); left -= 258; }
    while (left) { ds_put_fixed_literal(w, b); left--; }
    ds_put(w, 0, 7);
}

/* Header of a dynamic-Huffman block (RFC 1951 3.2.7) whose literal/length alphabet has
   `nlit` codes and whose distance alphabet has one, with the code lengths `len` (nlit + 1
   of them, the distance code's last): BFINAL, BTYPE, HLIT, HDIST, HCLEN, the code-length
   code and the lengths written with it (no run-length codes 16-18: a few hundred bits). */
static void ds_put_dynamic_header(ds_bits *w, const uint8_t *len, int nlit, int final) {
    static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    uint32_t cfreq[19] = {0};
    for (int i = 0; i <= nlit; i++) cfreq[len[i]]++;
    uint8_t clen[19];
    ds_code_lengths(cfreq, 19, 7, clen);
    uint16_t ccode[19];
    ds_canonical_codes(clen, 19, ccode);
    int hclen = 19;
    while (hclen > 4 && clen[order[hclen - 1]] == 0) hclen--;
    ds_put(w, final ? 1 : 0, 1);
    ds_put(w, 2, 2);                        /* BTYPE 10: dynamic Huffman */
    ds_put(w, (uint32_t)(nlit - 257), 5);   /* HLIT */
    ds_put(w, 0, 5);                        /* HDIST: 1 distance code */
    ds_put(w, (uint32_t)(hclen - 4), 4);
    for (int i = 0; i < hclen; i++) ds_put(w, clen[order[i]], 3);
    for (int i = 0; i <= nlit; i++) ds_put(w, ccode[len[i]], clen[len[i]]);
}

/* One dynamic-Huffman block holding `n` bytes as literals (no distance codes). */
static void ds_put_huffman_block(ds_bits *w, const unsigned char *p, size_t n, int final) {
    uint32_t freq[257] = {0}, f4[3][256] = {{0}};
    size_t i4 = 0;
    for (; i4 + 4 <= n; i4 += 4) { freq[p[i4]]++; f4[0][p[i4 + 1]]++; f4[1][p[i4 + 2]]++; f4[2][p[i4 + 3]]++; }
    for (; i4 < n; i4++) freq[p[i4]]++;
    for (int i = 0; i < 256; i++) freq[i] += f4[0][i] + f4[1][i] + f4[2][i];
    freq[256] = 1;  /* end of block */
    uint8_t len[258];
    ds_code_lengths(freq, 257, 15, len);
    len[257] = 0;   /* one distance code of zero bits: no distances (RFC 1951 3.2.7) */
    uint16_t code[257];
    ds_canonical_codes(len, 257, code);
    ds_put_dynamic_header(w, len, 257, final);
    /* The literals, with the writer's state in locals (stores through `out` could alias it). */
    uint32_t packed[256];
    for (int i = 0; i < 256; i++) packed[i] = (uint32_t)code[i] | ((uint32_t)len[i] << 16);
    uint64_t acc = w->acc;
    int bits = w->bits;
    size_t pos = w->pos;
    unsigned char *out = w->out;
    const size_t cap = w->cap;
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Three codes (at most 45 bits) on top of at most 7 pending bits, then all whole bytes
       out with one unaligned 8-byte store: no branch per code. Needs 8 bytes of slack after
       the literals' exact size (their histogram times their code lengths). */
    uint64_t payload = 0;   /* bits of the literals, from the histogram */
    for (int k = 0; k < 256; k++) payload += (uint64_t)freq[k] * len[k];
    if (pos + payload / 8 + 24 <= cap) {
        while (bits >= 8) { out[pos++] = (unsigned char)acc; acc >>= 8; bits -= 8; }
        for (; i + 3 <= n; i += 3) {
            uint32_t e0 = packed[p[i]], e1 = packed[p[i + 1]], e2 = packed[p[i + 2]];
            acc |= (uint64_t)(e0 & 0xffff) << bits;
            bits += (int)(e0 >> 16);
            acc |= (uint64_t)(e1 & 0xffff) << bits;
            bits += (int)(e1 >> 16);
            acc |= (uint64_t)(e2 & 0xffff) << bits;
            bits += (int)(e2 >> 16);
            memcpy(out + pos, &acc, 8);
            pos += (size_t)(bits >> 3);
            acc >>= (bits & ~7);
            bits &= 7;
        }
    }
#endif
    for (; i < n; i++) {
        uint32_t e = packed[p[i]];
        acc |= (uint64_t)(e & 0xffff) << bits;
        bits += (int)(e >> 16);
        if (bits >= 32) {
            if (pos + 4 > cap) { w->overflow = 1; return; }
            out[pos] = (unsigned char)acc;
            out[pos + 1] = (unsigned char)(acc >> 8);
            out[pos + 2] = (unsigned char)(acc >> 16);
            out[pos + 3] = (unsigned char)(acc >> 24);
            pos += 4;
            acc >>= 32;
            bits -= 32;
        }
    }
    w->acc = acc;
    w->bits = bits;
    w->pos = pos;
    ds_put(w, code[256], len[256]);
}

/* Match lengths of the length symbols 257-285 and their extra bits (RFC 1951 3.2.5). */
static const unsigned short ds_length_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                                  35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const unsigned char ds_length_bits[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                                 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};

/* Length symbol, extra-bit count and extra value of a match length 3-258: with l = length - 3,
   symbols 257-264 are l = 0-7, and above that l has e = floor(log2 l) - 2 extra bits and
   symbol 257 + 4e + (l >> e); 258 has its own symbol, 285. */
static inline void ds_length_symbol(unsigned length, unsigned *symbol, unsigned *nbits, unsigned *extra) {
    if (length == 258) { *symbol = 285; *nbits = 0; *extra = 0; return; }
    unsigned l = length - 3;
    unsigned k = l;
    if (l >= 8) {
        unsigned e = 31u - (unsigned)__builtin_clz(l) - 2u;
        k = 4 * e + (l >> e);
    }
    *symbol = 257 + k;
    *nbits = ds_length_bits[k];
    *extra = length - ds_length_base[k];
}

/* The next match of a run with `r` >= 3 copies left: at most 258, and never leaving 1 or 2
   (too short for a match) when more than 258 remain. */
static inline size_t ds_next_match(size_t r) {
    size_t m = r > 258 ? 258 : r;
    if (r > m && r - m < 3) m = r - 3;
    return m;
}

/* The runs of a plane as deflate tokens: each byte that does not repeat its predecessor is a
   literal; a run of r further copies becomes matches at distance 1 of at most 258 (none
   shorter than 3; a remainder of 1 or 2 stays literal). */
static void ds_rle_count(const unsigned char *p, size_t n, uint32_t *freq) {
    size_t i = 0;
    while (i < n) {
        unsigned char b = p[i];
        freq[b]++;
        if (i + 1 >= n || p[i + 1] != b) { i++; continue; }
        size_t j = i + 1;
        while (j < n && p[j] == b) j++;
        size_t r = j - i - 1;
        for (size_t m; r >= 3; r -= m) {
            m = ds_next_match(r);
            unsigned symbol, nbits, extra;
            ds_length_symbol((unsigned)m, &symbol, &nbits, &extra);
            freq[symbol]++;
        }
        freq[b] += (uint32_t)r;
        i = j;
    }
}

/* The same tokens, written with the codes `packed` (code | length << 16; a match's code
   is followed by its extra bits and the single distance code, one zero bit). The writer's
   state is kept in locals, as in ds_put_huffman_block. */
static void ds_rle_write(const unsigned char *p, size_t n, ds_bits *w, const uint32_t *packed) {
    uint64_t acc = w->acc;
    int bits = w->bits;
    size_t pos = w->pos;
    unsigned char *out = w->out;
    const size_t cap = w->cap;
#define DS_EMIT(v, nb) do { acc |= (uint64_t)(v) << bits; bits += (nb); \
        if (bits >= 32) { if (pos + 4 > cap) { w->overflow = 1; return; } \
            out[pos] = (unsigned char)acc; out[pos + 1] = (unsigned char)(acc >> 8); \
            out[pos + 2] = (unsigned char)(acc >> 16); out[pos + 3] = (unsigned char)(acc >> 24); \
            pos += 4; acc >>= 32; bits -= 32; } } while (0)
    size_t i = 0;
    while (i < n) {
        unsigned char b = p[i];
        uint32_t e = packed[b];
        DS_EMIT(e & 0xffff, (int)(e >> 16));
        if (i + 1 >= n || p[i + 1] != b) { i++; continue; }
        size_t j = i + 1;
        while (j < n && p[j] == b) j++;
        size_t r = j - i - 1;
        for (size_t m; r >= 3; r -= m) {
            m = ds_next_match(r);
            unsigned symbol, nbits, extra;
            ds_length_symbol((unsigned)m, &symbol, &nbits, &extra);
            uint32_t c = packed[symbol];
            /* code, extra bits, then the one-bit distance code 0: at most 15 + 5 + 1 bits */
            DS_EMIT((c & 0xffff) | (extra << (c >> 16)), (int)(c >> 16) + (int)nbits + 1);
        }
        for (; r > 0; r--) DS_EMIT(e & 0xffff, (int)(e >> 16));
        i = j;
    }
#undef DS_EMIT
    w->acc = acc;
    w->bits = bits;
    w->pos = pos;
}

/* One dynamic-Huffman block of literals and distance-1 matches (see ds_rle_tokens), or
   stored blocks if that would not be smaller. */
static void ds_put_rle_block(ds_bits *w, const unsigned char *p, size_t n, int final) {
    uint32_t freq[286] = {0};
    ds_rle_count(p, n, freq);
    freq[256] = 1;  /* end of block */
    uint8_t len[287];
    ds_code_lengths(freq, 286, 15, len);
    len[286] = 1;   /* one distance code (distance 1), one bit (RFC 1951 3.2.7) */
    /* Payload size: literal and length codes, their extra bits, one bit per distance. */
    uint64_t bits = 0;
    for (int i = 0; i < 286; i++) {
        if (!freq[i]) continue;
        bits += (uint64_t)freq[i] * len[i];
        if (i > 256) bits += (uint64_t)freq[i] * (ds_length_bits[i - 257] + 1u);
    }
    if (bits / 8 + 200 >= n) { ds_put_stored_blocks(w, p, n, final); return; }
    uint16_t code[286];
    ds_canonical_codes(len, 286, code);
    ds_put_dynamic_header(w, len, 286, final);
    uint32_t packed[286];
    for (int i = 0; i < 286; i++) packed[i] = (uint32_t)code[i] | ((uint32_t)len[i] << 16);
    ds_rle_write(p, n, w, packed);
    if (w->overflow) return;
    ds_put(w, code[256], len[256]);
}

/* zlib stream of a chunk's planes (a shuffled chunk, or one plane for 1-byte columns),
   each as classified above; 0 if `cap` is too small. The header is the one libdeflate
   writes at level 1. */
static size_t ds_zlib_planar(const unsigned char *data, size_t plane_bytes, size_t planes,
                             unsigned char *dst, size_t cap) {
    unsigned hdr = (8u << 8) | (7u << 12);   /* deflate, 32 KiB window, FLEVEL 0 (fastest) */
    hdr |= 31 - (hdr % 31);
    if (cap < 8) return 0;
    dst[0] = (unsigned char)(hdr >> 8);
    dst[1] = (unsigned char)(hdr & 0xff);
    ds_bits w = {dst, 2, cap - 4, 0, 0, 0};
    for (size_t k = 0; k < planes; k++) {
        const unsigned char *p = data + k * plane_bytes;
        int final = k + 1 == planes;
        switch (ds_classify_plane(p, plane_bytes)) {
        case DS_PLANE_CONSTANT: ds_put_constant_block(&w, p[0], plane_bytes, final); break;
        case DS_PLANE_RLE: ds_put_rle_block(&w, p, plane_bytes, final); break;
        case DS_PLANE_HUFFMAN: ds_put_huffman_block(&w, p, plane_bytes, final); break;
        default: ds_put_stored_blocks(&w, p, plane_bytes, final); break;
        }
        if (w.overflow) return 0;
    }
    ds_align(&w);
    if (w.overflow || w.pos + 4 > cap) return 0;
    uint32_t adler = libdeflate_adler32(1, data, plane_bytes * planes);
    dst[w.pos] = (unsigned char)(adler >> 24);
    dst[w.pos + 1] = (unsigned char)(adler >> 16);
    dst[w.pos + 2] = (unsigned char)(adler >> 8);
    dst[w.pos + 3] = (unsigned char)adler;
    return w.pos + 4;
}

size_t ds_encode_chunk(const unsigned char *src, size_t chunk_bytes, size_t element_size,
                       int shuffled, int deflate_level, int fletcher32,
                       unsigned char *scratch, unsigned char *dst, size_t dst_capacity) {
    const unsigned char *data = src;
    int planar = shuffled && element_size > 1;
    if (planar) {
        ds_shuffle(src, scratch, chunk_bytes, element_size);
        data = scratch;
    }
    size_t size;
    if (deflate_level > 0) {
        /* Level 1 on whole planes (full chunks): the planar coder; element_size 1 (or an
           unshuffled chunk) is one plane. Small chunks and levels 2-9: libdeflate. */
        size_t planes = planar ? element_size : 1;
        size_t plane = chunk_bytes / planes;
        size = 0;
        if (deflate_level == 1 && planes <= 16 && plane * planes == chunk_bytes && plane >= DS_MIN_PLANE_BYTES)
            size = ds_zlib_planar(data, plane, planes, dst, dst_capacity - 4);
        if (size == 0) {
            if (!ds_compressor || ds_compressor_level != deflate_level) {
                if (ds_compressor) libdeflate_free_compressor(ds_compressor);
                ds_compressor = libdeflate_alloc_compressor(deflate_level);
                ds_compressor_level = deflate_level;
            }
            if (!ds_compressor) return 0;
            size = libdeflate_zlib_compress(ds_compressor, data, chunk_bytes, dst, dst_capacity - 4);
        }
        if (size == 0) return 0;
    } else {
        if (chunk_bytes + 4 > dst_capacity) return 0;
        memcpy(dst, data, chunk_bytes);
        size = chunk_bytes;
    }
    if (fletcher32) {
        uint32_t sum = ds_fletcher32(dst, size);
        dst[size] = (unsigned char)(sum & 0xff);
        dst[size + 1] = (unsigned char)((sum >> 8) & 0xff);
        dst[size + 2] = (unsigned char)((sum >> 16) & 0xff);
        dst[size + 3] = (unsigned char)((sum >> 24) & 0xff);
        size += 4;
    }
    return size;
}

int ds_zlib_uncompress(unsigned char *dst, size_t *dst_len, const unsigned char *src, size_t src_len) {
    uLongf n = (uLongf)*dst_len;
    int rc = uncompress(dst, &n, src, (uLong)src_len);
    *dst_len = (size_t)n;
    return rc;
}

/* A crash inside libhdf5 while it parses a damaged file becomes a one-line error naming the
   file. libhdf5 1.10.8 (Debian 12) divides by a chunk dimension read from the file without
   checking it (H5D__chunk_set_info: SIGFPE on a zero dimension, found by the fuzz campaign
   in Tests/Fixtures/fuzz), so a single flipped bit can kill the process before any error
   could be returned. While a thread is inside an HDF5 call (ds_hdf5_guard_enter/leave, under
   the event store's lock) SIGFPE, SIGSEGV and SIGBUS print "error: <file>: ..." with write(2)
   (async-signal-safe) and _exit(1) (the flag is per thread: synchronous faults are delivered
   to the faulting thread); outside, the previous handler (Swift's backtracer) runs
   as before, so genuine bugs keep their backtraces. The process still ends: libhdf5's state
   after such a fault cannot be trusted. */
#include <signal.h>
#include <unistd.h>
static _Thread_local char ds_guard_path[4096];
static _Thread_local volatile sig_atomic_t ds_guard_active = 0;
static struct sigaction ds_guard_previous[3];
static const int ds_guard_signals[3] = { SIGFPE, SIGSEGV, SIGBUS };

static void ds_guard_write(const char *s) { ssize_t r = write(2, s, strlen(s)); (void)r; }

static void ds_guard_handler(int sig, siginfo_t *info, void *context) {
    if (ds_guard_active) {
        ds_guard_write("Error: ");
        ds_guard_write(ds_guard_path);
        ds_guard_write(": the HDF5 library faulted while reading its structure (");
        ds_guard_write(sig == SIGFPE ? "SIGFPE" : sig == SIGSEGV ? "SIGSEGV" : "SIGBUS");
        ds_guard_write("); the file is corrupt: delete it and regenerate the shard\n");
        _exit(1);
    }
    for (int k = 0; k < 3; k++) {
        if (ds_guard_signals[k] != sig) continue;
        struct sigaction *p = &ds_guard_previous[k];
        if ((p->sa_flags & SA_SIGINFO) && p->sa_sigaction) { p->sa_sigaction(sig, info, context); return; }
        sigaction(sig, p, NULL);
        raise(sig);
        return;
    }
}

void ds_hdf5_guard_install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = ds_guard_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (int k = 0; k < 3; k++) sigaction(ds_guard_signals[k], &sa, &ds_guard_previous[k]);
}

/* Nested (the lock is recursive): the guard stays on until the outermost call leaves; an
   inner call without a path keeps the outer one's. */
void ds_hdf5_guard_enter(const char *path) {
    if (path || ds_guard_active == 0) {
        strncpy(ds_guard_path, path ? path : "<an HDF5 file>", sizeof ds_guard_path - 1);
        ds_guard_path[sizeof ds_guard_path - 1] = 0;
    }
    ds_guard_active += 1;
}

void ds_hdf5_guard_leave(void) { if (ds_guard_active > 0) ds_guard_active -= 1; }
