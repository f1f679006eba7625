package variables

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Generator produces Postman's dynamic variables ({{$guid}},
// {{$randomInt}}, ...). With a seed, the random ones repeat from run to
// run; time-based ones ($timestamp, $isoTimestamp) never do.
type Generator struct {
	rng *rand.Rand
	now func() time.Time
}

// NewGenerator returns a generator; seeded=false draws a random seed.
func NewGenerator(seed uint64, seeded bool) *Generator {
	if !seeded {
		seed = rand.Uint64()
	}
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), now: time.Now}
}

// Value returns the value of the dynamic variable name (with its "$").
func (g *Generator) Value(name string) (string, bool) {
	switch name {
	case "$guid", "$randomUUID":
		var b [16]byte
		for i := range b {
			b[i] = byte(g.rng.UintN(256))
		}
		u, _ := uuid.FromBytes(b[:])
		u[6] = (u[6] & 0x0f) | 0x40
		u[8] = (u[8] & 0x3f) | 0x80
		return u.String(), true
	case "$timestamp":
		return strconv.FormatInt(g.now().Unix(), 10), true
	case "$isoTimestamp":
		return g.now().UTC().Format("2006-01-02T15:04:05.000Z"), true
	case "$randomInt":
		return strconv.Itoa(g.rng.IntN(1001)), true
	}
	return "", false
}
