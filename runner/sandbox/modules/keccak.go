package modules

import (
	"encoding/binary"
	"hash"
	"math/bits"
)

// keccak is the original Keccak (padding byte 0x01), which crypto-js calls
// SHA3; FIPS 202 SHA-3 pads with 0x06 and gives different digests, so the
// standard library's crypto/sha3 cannot stand in.
type keccak struct {
	a      [25]uint64
	rate   int
	outLen int
	buf    []byte
}

// newKeccak returns Keccak with an outBits-bit digest (224, 256, 384, 512).
func newKeccak(outBits int) hash.Hash {
	return &keccak{rate: 200 - 2*outBits/8, outLen: outBits / 8}
}

var keccakRC = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

var keccakRot = [25]int{0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14}

// permute is Keccak-f[1600].
func (k *keccak) permute() {
	a := &k.a
	for round := 0; round < 24; round++ {
		var c [5]uint64
		for x := 0; x < 5; x++ {
			c[x] = a[x] ^ a[x+5] ^ a[x+10] ^ a[x+15] ^ a[x+20]
		}
		for x := 0; x < 5; x++ {
			d := c[(x+4)%5] ^ bits.RotateLeft64(c[(x+1)%5], 1)
			for y := 0; y < 25; y += 5 {
				a[y+x] ^= d
			}
		}
		var b [25]uint64
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				b[y+5*((2*x+3*y)%5)] = bits.RotateLeft64(a[x+5*y], keccakRot[x+5*y])
			}
		}
		for y := 0; y < 25; y += 5 {
			for x := 0; x < 5; x++ {
				a[y+x] = b[y+x] ^ (^b[y+(x+1)%5] & b[y+(x+2)%5])
			}
		}
		a[0] ^= keccakRC[round]
	}
}

func (k *keccak) absorb(block []byte) {
	for i := 0; i < k.rate/8; i++ {
		k.a[i] ^= binary.LittleEndian.Uint64(block[8*i:])
	}
	k.permute()
}

func (k *keccak) Write(p []byte) (int, error) {
	n := len(p)
	k.buf = append(k.buf, p...)
	for len(k.buf) >= k.rate {
		k.absorb(k.buf[:k.rate])
		k.buf = k.buf[k.rate:]
	}
	return n, nil
}

func (k *keccak) Sum(in []byte) []byte {
	c := *k
	block := make([]byte, c.rate)
	copy(block, c.buf)
	block[len(c.buf)] ^= 0x01
	block[c.rate-1] ^= 0x80
	c.absorb(block)
	out := make([]byte, 0, c.rate)
	for i := 0; i < c.rate/8; i++ {
		out = binary.LittleEndian.AppendUint64(out, c.a[i])
	}
	return append(in, out[:c.outLen]...)
}

func (k *keccak) Reset()         { k.a = [25]uint64{}; k.buf = nil }
func (k *keccak) Size() int      { return k.outLen }
func (k *keccak) BlockSize() int { return k.rate }
