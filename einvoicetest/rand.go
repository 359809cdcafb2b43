package einvoicetest

import (
	"math/bits"
	"math/rand/v2"
)

// rng draws everything the generator needs from a rand.Source, through its
// Uint64 method only: the bounded integers are computed here rather than by
// rand.Rand's methods, so that an invoice depends on the 64-bit stream
// alone, which PCG specifies, and not on how a version of math/rand/v2
// derives its other draws from it.
type rng struct {
	src rand.Source // nil: pcg
	pcg rand.PCG    // the source of Invoice, called directly: faster
	// bits are drawn bits not used yet by chance, nbits how many.
	bits  uint64
	nbits int
	// t holds the strings the rng's identifiers are written to.
	t *arena
}

// seeded returns an rng reading a PCG seeded with seed and the stream.
func seeded(seed, stream uint64) rng {
	var r rng
	r.pcg.Seed(seed, stream)
	return r
}

// u64 returns the next 64 bits of the stream.
func (r *rng) u64() uint64 {
	if r.src == nil {
		return r.pcg.Uint64()
	}
	return r.src.Uint64()
}

// intn returns a uniform integer in [0, n); n > 0. It is Lemire's
// multiply-and-reject method, without bias.
func (r *rng) intn(n int) int {
	un := uint64(n)
	hi, lo := bits.Mul64(r.u64(), un)
	if lo < un {
		thresh := -un % un
		for lo < thresh {
			hi, lo = bits.Mul64(r.u64(), un)
		}
	}
	return int(hi)
}

// between returns a uniform integer in [lo, hi]; hi >= lo.
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with a probability of pct percent, to within a
// tenth of a percent: it takes 10 bits of a 64-bit draw at a time, so that
// six chances cost one draw.
func (r *rng) chance(pct int) bool {
	if r.nbits < 10 {
		r.bits, r.nbits = r.u64(), 60
	}
	v := int(r.bits & 1023)
	r.bits >>= 10
	r.nbits -= 10
	return v*100 < pct*1024
}

// pick returns a uniform element of s, which is not empty.
func pick[T any](r *rng, s []T) T { return s[r.intn(len(s))] }
