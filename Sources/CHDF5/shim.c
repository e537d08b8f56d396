#include "CHDF5.h"
#include <string.h>
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

/* Exported by libhdf5 (H5checksum.c) but declared only in its private headers. */
uint32_t H5_checksum_fletcher32(const void *data, size_t len);

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
        uint32_t computed = H5_checksum_fletcher32(src, payload);
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

/* Probe size and required gain of the incompressible-plane test (see ds_stored_planes). */
#define DS_PROBE_BYTES 4096
#define DS_MIN_PLANE_BYTES (4 * DS_PROBE_BYTES)

/* True if deflate saves at least 1/32 of `len` bytes. */
static int ds_deflate_gains(const unsigned char *p, size_t len, unsigned char *out) {
    size_t limit = len - len / 32;
    return libdeflate_deflate_compress(ds_compressor, p, len, out, limit) != 0;
}

/* Number of leading byte planes of a shuffled chunk that deflate would not shrink.
   After the shuffle, plane j holds byte j of every element; for floating-point physics
   values the low mantissa bytes are effectively random, and deflate spends most of its time
   discovering that (it then emits them as stored blocks anyway). A plane counts as
   incompressible when deflating 4 KiB probes at its start, middle and end each saves less
   than 1/32 of the probe (the end probe catches the zero padding of a final chunk). Only a leading run of such planes is stored (see
   ds_encode_chunk); the test stops at the first compressible plane. */
static size_t ds_stored_planes(const unsigned char *data, size_t plane_bytes, size_t planes, unsigned char *probe_out) {
    if (plane_bytes < DS_MIN_PLANE_BYTES) return 0;
    size_t k = 0;
    for (; k < planes; k++) {
        const unsigned char *p = data + k * plane_bytes;
        if (ds_deflate_gains(p, DS_PROBE_BYTES, probe_out)) break;
        if (ds_deflate_gains(p + plane_bytes / 2, DS_PROBE_BYTES, probe_out)) break;
        /* The end too: a final chunk is zero-padded there. */
        if (ds_deflate_gains(p + plane_bytes - DS_PROBE_BYTES, DS_PROBE_BYTES, probe_out)) break;
    }
    return k;
}

/* Deflate "stored" blocks (RFC 1951 3.2.4) for `len` bytes, starting byte-aligned; the last
   one carries BFINAL when `final`. Returns the bytes written, 0 if `cap` is too small. */
static size_t ds_put_stored(const unsigned char *src, size_t len, int final, unsigned char *dst, size_t cap) {
    size_t written = 0;
    do {
        size_t n = len > 65535 ? 65535 : len;
        if (written + 5 + n > cap) return 0;
        int last = final && n == len;
        dst[written] = last ? 1 : 0;
        dst[written + 1] = (unsigned char)(n & 0xff);
        dst[written + 2] = (unsigned char)(n >> 8);
        dst[written + 3] = (unsigned char)(~n & 0xff);
        dst[written + 4] = (unsigned char)((~n >> 8) & 0xff);
        memcpy(dst + written + 5, src, n);
        written += 5 + n;
        src += n;
        len -= n;
    } while (len > 0);
    return written;
}

/* zlib stream (RFC 1950) of `data`: the header libdeflate writes for this level, the first
   `stored` bytes as stored blocks, the rest deflated by libdeflate, then the Adler-32.
   With stored == 0 this is exactly libdeflate_zlib_compress. */
static size_t ds_zlib_hybrid(const unsigned char *data, size_t bytes, size_t stored, int level,
                             unsigned char *dst, size_t cap) {
    if (stored == 0) return libdeflate_zlib_compress(ds_compressor, data, bytes, dst, cap);
    if (cap < 6) return 0;
    unsigned hdr = (8u << 8) | (7u << 12);
    unsigned hint = level < 2 ? 0 : level < 6 ? 1 : level < 8 ? 2 : 3;
    hdr |= hint << 6;
    hdr |= 31 - (hdr % 31);
    dst[0] = (unsigned char)(hdr >> 8);
    dst[1] = (unsigned char)(hdr & 0xff);
    size_t size = 2;
    size_t n = ds_put_stored(data, stored, stored == bytes, dst + size, cap - 4 - size);
    if (n == 0) return 0;
    size += n;
    if (stored < bytes) {
        n = libdeflate_deflate_compress(ds_compressor, data + stored, bytes - stored, dst + size, cap - 4 - size);
        if (n == 0) return 0;
        size += n;
    }
    uint32_t adler = libdeflate_adler32(1, data, bytes);
    dst[size] = (unsigned char)(adler >> 24);
    dst[size + 1] = (unsigned char)(adler >> 16);
    dst[size + 2] = (unsigned char)(adler >> 8);
    dst[size + 3] = (unsigned char)adler;
    return size + 4;
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
        if (!ds_compressor || ds_compressor_level != deflate_level) {
            if (ds_compressor) libdeflate_free_compressor(ds_compressor);
            ds_compressor = libdeflate_alloc_compressor(deflate_level);
            ds_compressor_level = deflate_level;
        }
        if (!ds_compressor) return 0;
        size_t plane = chunk_bytes / element_size;
        /* Probe output goes to the end of dst, which the encoded chunk overwrites later. */
        size_t stored = planar && dst_capacity >= 2 * DS_PROBE_BYTES
            ? plane * ds_stored_planes(data, plane, element_size, dst + dst_capacity - DS_PROBE_BYTES) : 0;
        size = ds_zlib_hybrid(data, chunk_bytes, stored, deflate_level, dst, dst_capacity - 4);
        if (size == 0) return 0;
    } else {
        if (chunk_bytes + 4 > dst_capacity) return 0;
        memcpy(dst, data, chunk_bytes);
        size = chunk_bytes;
    }
    if (fletcher32) {
        uint32_t sum = H5_checksum_fletcher32(dst, size);
        dst[size] = (unsigned char)(sum & 0xff);
        dst[size + 1] = (unsigned char)((sum >> 8) & 0xff);
        dst[size + 2] = (unsigned char)((sum >> 16) & 0xff);
        dst[size + 3] = (unsigned char)((sum >> 24) & 0xff);
        size += 4;
    }
    return size;
}
