package auth

import (
	"slices"
	"strings"
	"sync"
)

// matcher finds, in one pass over a text, every occurrence of a set of
// patterns (the encoded forms of the secrets) and, at each Ellipsis, the
// longest start of one that the text was cut after: an Aho-Corasick
// automaton. Scanning the text once per form made masking a fifth of a
// --tableau-auth run's work (a secret has up to ~60 forms).
//
// It is written here rather than taken from a library because cover needs
// the automaton's state itself at each Ellipsis (the longest proper prefix
// of a pattern ending there), which the Go libraries (coregx, BobuSumisu,
// petar-dambovaliev, cloudflare) do not expose, so the cut-off starts
// would still take one comparison per form and length at each Ellipsis,
// the costliest part of masking on the official collection; and because
// a run rebuilds it whenever it learns a secret (each sign-in's token and
// JWT), so it keeps the trie sparse below depth 1, where the libraries'
// full transition tables take hundreds of bytes per pattern byte.
type matcher struct {
	// Nodes are the trie's, numbered breadth first: a node's children
	// are consecutive, sorted by label, and the root (0) and its
	// children come first. first[u] is u's first child, first[u+1] the
	// one after its last (first has a last entry for that).
	first []int32
	label []byte  // the byte leading to the node from its parent
	fail  []int32 // the deepest node that is a proper suffix of it
	// out is the length of the longest pattern ending where the node
	// is reached (its own or one of its suffixes'), 0 for none.
	out []int32
	// part is the depth of the deepest node, among this one and its
	// suffixes, that is a proper prefix of a pattern and at least
	// minPartial long (0 for none): the start of a secret cut off here.
	part []int32
	// dense holds the transitions of the first nDense nodes (the root
	// and its children, where a scan spends nearly all its time) for
	// every byte class, failures resolved: stride entries a node. An
	// entry is the next node's row (node*stride) when that node is
	// dense and ends no pattern, so that a scan goes on without looking
	// further; otherwise it is ^node.
	dense  []int32
	nDense int32
	stride int32
	// class numbers the bytes that occur in patterns from 1; the others
	// (class 0) all lead where a mismatch does, so they share a column.
	class [256]uint8
}

// newMatcher builds the automaton for patterns; empty ones are ignored.
func newMatcher(patterns []string) *matcher {
	ps := slices.Clone(patterns)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	if len(ps) > 0 && ps[0] == "" {
		ps = ps[1:]
	}
	// Arrays are sized for no shared prefix, so that building (each
	// time a run learns a secret) does not grow them step by step.
	size := 1
	for _, p := range ps {
		size += len(p)
	}
	m := &matcher{
		first: make([]int32, size+1),
		label: make([]byte, size),
		out:   make([]int32, size),
	}
	// The trie, breadth first. In sorted order the patterns that share
	// a node's prefix are a range [lo, hi), those ending at the node
	// come first in it (one: ps has no duplicates), and each child's
	// are a range inside it.
	lo, hi := make([]int32, size), make([]int32, size)
	depth, parent := make([]int32, size), make([]int32, size)
	hi[0] = int32(len(ps))
	n := int32(1)
	for u := int32(0); u < n; u++ {
		l, h, d := lo[u], hi[u], depth[u]
		if l < h && int32(len(ps[l])) == d {
			m.out[u] = d
			l++
		}
		m.first[u] = n
		for l < h {
			c := ps[l][d]
			j := l + 1
			for j < h && ps[j][d] == c {
				j++
			}
			lo[n], hi[n], depth[n], parent[n], m.label[n] = l, j, d+1, u, c
			n++
			l = j
		}
	}
	m.first[n] = n
	m.first, m.label, m.out = m.first[:n+1], m.label[:n], m.out[:n]
	// The dense rows need only the trie: their nodes fail to the root.
	m.buildDense()
	m.fail = make([]int32, n)
	m.part = make([]int32, n)
	// Failure links breadth first: a node's suffixes are shallower, so
	// theirs are done when it is reached. A node's is where its
	// parent's failure goes by the node's byte.
	for v := int32(1); v < n; v++ {
		var f int32
		if u := parent[v]; u > 0 {
			f = m.next(m.fail[u], m.label[v])
		}
		m.fail[v] = f
		if m.out[v] == 0 {
			m.out[v] = m.out[f]
		}
		if d := depth[v]; m.first[v+1] > m.first[v] && d >= minPartial {
			m.part[v] = d
		} else {
			m.part[v] = m.part[f]
		}
	}
	return m
}

// next is the node reached from u by c, following failure links.
func (m *matcher) next(u int32, c byte) int32 {
	for u >= m.nDense {
		if v := m.child(u, c); v > 0 {
			return v
		}
		u = m.fail[u]
	}
	e := m.dense[u*m.stride+int32(m.class[c])]
	if e < 0 {
		return ^e
	}
	return e / m.stride
}

// buildDense fills class and dense; see matcher.
func (m *matcher) buildDense() {
	var used [256]bool
	for _, c := range m.label[1:] {
		used[c] = true
	}
	var n int32
	for c := range 256 {
		if used[c] {
			n++
			m.class[c] = uint8(n)
		}
	}
	m.stride = n + 1
	if n == 256 {
		// Every byte occurs: there is no class 0 to share.
		for c := range 256 {
			m.class[c] = uint8(c)
		}
		m.stride = 256
	}
	m.nDense = m.first[1]
	// Transitions as node ids first: the root's, then each child's,
	// which fail to the root.
	to := make([]int32, m.nDense*m.stride)
	root := to[:m.stride]
	for v := m.first[0]; v < m.nDense; v++ {
		root[m.class[m.label[v]]] = v
	}
	for v := m.first[0]; v < m.nDense; v++ {
		row := to[v*m.stride : (v+1)*m.stride]
		copy(row, root)
		for w := m.first[v]; w < m.first[v+1]; w++ {
			row[m.class[m.label[w]]] = w
		}
	}
	m.dense = to
	// Only nodes of depth 0 and 1 are unflagged, and their out is
	// their own (their failure is the root), already known.
	for i, v := range to {
		if v < m.nDense && m.out[v] == 0 {
			m.dense[i] = v * m.stride
		} else {
			m.dense[i] = ^v
		}
	}
}

// child is u's child by c, or 0 (the root is no one's child).
func (m *matcher) child(u int32, c byte) int32 {
	lo, end := m.first[u], m.first[u+1]
	hi := end
	for hi-lo > 8 {
		mid := int32(uint32(lo+hi) >> 1)
		if m.label[mid] < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	// The first label not below c is at lo..hi.
	for ; lo <= hi && lo < end; lo++ {
		if m.label[lo] == c {
			return lo
		}
	}
	return 0
}

// coverage is a cover being marked: the bytes of s covered so far (1),
// nil while none is. [lo, hi) is a covered run, the one marked last, so
// that overlapping occurrences (a secret repeated, several forms ending
// at one place), which a scan finds in order of their ends, mark each
// byte once.
type coverage struct {
	cov    []byte
	n      int // len(s)
	lo, hi int
}

// mark covers [a, b).
func (c *coverage) mark(a, b int) {
	if c.cov == nil {
		c.cov = make([]byte, c.n)
	}
	if a > c.hi || b < c.lo {
		for x := a; x < b; x++ {
			c.cov[x] = 1
		}
		c.lo, c.hi = a, b
		return
	}
	for x := a; x < c.lo; x++ {
		c.cov[x] = 1
	}
	for x := c.hi; x < b; x++ {
		c.cov[x] = 1
	}
	c.lo, c.hi = min(a, c.lo), max(b, c.hi)
}

// scan marks every occurrence of m's patterns in s, and the start of one
// (minPartial bytes or more, not the whole) just before each Ellipsis.
func (m *matcher) scan(s string, c *coverage) {
	// A new pass over s: what earlier passes marked is in c.cov, but the
	// run is only known from the start.
	c.lo, c.hi = 0, 0
	if c.cov != nil {
		for c.hi < len(s) && c.cov[c.hi] != 0 {
			c.hi++
		}
	}
	dense, class, out, part, nDense, stride := m.dense, &m.class, m.out, m.part, m.nDense, m.stride
	row := int32(0) // the current node's row while it is dense
	for i := 0; i < len(s); {
		var e int32
		if i, e = m.skip(s, i, row); e >= 0 {
			break // the end of s
		}
		// Deeper in the trie, or at a pattern's end: node by node
		// until back at a dense node.
		node := ^e
		for {
			if o := out[node]; o > 0 {
				c.mark(i-int(o), i)
			}
			if node < nDense {
				row = node * stride
				break
			}
			if i == len(s) {
				return
			}
			b := s[i]
			if p := part[node]; p > 0 && b == Ellipsis[0] && strings.HasPrefix(s[i:], Ellipsis) {
				c.mark(i-int(p), i)
			}
			i++
			for node >= nDense {
				if v := m.child(node, b); v > 0 {
					node = v
					break
				}
				node = m.fail[node]
			}
			if node < nDense {
				e := dense[node*stride+int32(class[b])]
				if e >= 0 {
					row = e
					break
				}
				node = ^e
			}
		}
	}
}

// skip follows dense transitions from row at s[i:] while they lead to
// dense nodes (depth 0 or 1) that end no pattern: nothing to mark there,
// nor can such a node be the start of a cut secret (minPartial). It
// returns where it stopped and the flagged entry (negative) that stopped
// it, or len(s) and the last row. Kept apart from scan so that its few
// variables stay in registers: nearly every byte of a text goes through
// this loop alone.
//
//go:noinline
func (m *matcher) skip(s string, i int, row int32) (int, int32) {
	dense, class, t := m.dense, &m.class, s[i:]
	for j := 0; j < len(t); j++ {
		e := dense[row+int32(class[t[j]])]
		if e < 0 {
			return i + j + 1, e
		}
		row = e
	}
	return len(s), row
}

// group is a batch of forms and their automaton, built when first used:
// secrets often come several at a time, and a set replaced before it is
// used is never built.
type group struct {
	forms []string
	size  int // bytes in forms
	once  sync.Once
	m     *matcher
}

func (g *group) matcher() *matcher {
	g.once.Do(func() { g.m = newMatcher(g.forms) })
	return g.m
}

// mergeBytes is how many bytes of forms one automaton takes before
// secrets learnt later go to another. Below it (a run's configured
// secrets and its first sign-ins' tokens and JWTs) a text is read once;
// above it, groups of about equal size merge, as in a binary counter, so
// that each sign-in rebuilds a small automaton (with bigger merges now
// and then: each form is rebuilt a few times in all) and a text is read
// a few times, not once per sign-in. Measured on the official Tableau
// collection with --tableau-auth jwt (8 sign-ins), 16 kB did the least
// work: 64 kB rebuilt everything at each sign-in, 4 kB read texts
// twice as often.
const mergeBytes = 16 << 10

// pushGroup returns groups (left as they are: an older snapshot may use
// them) followed by forms, merged with the last groups while they are
// small or no larger than what is added.
func pushGroup(groups []*group, forms []string, limit int) []*group {
	g := &group{forms: forms}
	for _, f := range forms {
		g.size += len(f)
	}
	out := slices.Clip(slices.Clone(groups))
	for len(out) > 0 {
		last := out[len(out)-1]
		if last.size > g.size && last.size+g.size > limit {
			break
		}
		g = &group{forms: append(slices.Clip(last.forms), g.forms...), size: last.size + g.size}
		out = out[:len(out)-1]
	}
	return append(out, g)
}
