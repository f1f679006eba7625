package auth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// naiveCover is the oracle for cover: each form searched for on its own,
// as masking did before the automaton. cover must mark the same bytes.
func naiveCover(s string, forms []string, keys [][]byte, prefix int) []byte {
	var cov []byte
	mark := func(a, b int) {
		if cov == nil {
			cov = make([]byte, len(s))
		}
		for x := a; x < b; x++ {
			cov[x] = 1
		}
	}
	if prefix > 0 {
		mark(0, min(prefix, len(s)))
	}
	for _, f := range forms {
		for i := 0; i <= len(s)-len(f); i++ {
			if strings.HasPrefix(s[i:], f) {
				mark(i, i+len(f))
			}
		}
	}
	for end := 0; end < len(s); end++ {
		if !strings.HasPrefix(s[end:], Ellipsis) {
			continue
		}
		for _, f := range forms {
			for k := min(len(f)-1, end); k >= minPartial; k-- {
				if s[end-k:end] == f[:k] {
					mark(end-k, end)
					break
				}
			}
		}
	}
	if len(keys) > 0 {
		for _, m := range jwtLike.FindAllStringIndex(s, -1) {
			if signedWithAny(s[m[0]:m[1]], keys) {
				mark(m[0], m[1])
			}
		}
	}
	return cov
}

// randomText strings together what makes masking hard: whole forms,
// forms overlapping themselves, their starts (some before an Ellipsis)
// and ends, pieces of them, forms with a byte changed, and noise made of
// the forms' own bytes or any byte.
func randomText(rng *rand.Rand, forms []string) string {
	var b strings.Builder
	form := func() string {
		if len(forms) == 0 {
			return "x"
		}
		return forms[rng.IntN(len(forms))]
	}
	for range rng.IntN(12) {
		f := form()
		switch rng.IntN(10) {
		case 0:
			b.WriteString(f)
		case 1:
			b.WriteString(f)
			b.WriteString(f[rng.IntN(len(f)):])
		case 2:
			b.WriteString(f[:rng.IntN(len(f)+1)])
		case 3:
			b.WriteString(f[:rng.IntN(len(f)+1)])
			b.WriteString(Ellipsis)
		case 4:
			b.WriteString(f[rng.IntN(len(f)+1):])
		case 5:
			i := rng.IntN(len(f) + 1)
			b.WriteString(f[i : i+rng.IntN(len(f)-i+1)])
		case 6:
			c := []byte(f)
			c[rng.IntN(len(c))] ^= byte(1 + rng.IntN(255))
			b.Write(c)
		case 7:
			b.WriteString(Ellipsis)
		case 8:
			for range rng.IntN(4) {
				g := form()
				b.WriteByte(g[rng.IntN(len(g))])
			}
		default:
			for range rng.IntN(4) {
				b.WriteByte(byte(rng.IntN(256)))
			}
		}
	}
	return b.String()
}

// splitGroups is set with its forms spread over automata as a long run
// would leave them: added a few at a time, merged when under limit bytes.
func splitGroups(rng *rand.Rand, set *secretSet, limit int) *secretSet {
	if set == nil {
		return nil
	}
	var groups []*group
	for rest := set.list; len(rest) > 0; {
		n := 1 + rng.IntN(len(rest))
		groups = pushGroup(groups, rest[:n], limit)
		rest = rest[n:]
	}
	out := *set
	out.groups = groups
	return &out
}

// checkCover compares cover with the oracle on texts made from set's
// forms, with set's own automaton and with its forms spread over several.
func checkCover(t *testing.T, r *Redactor, rng *rand.Rand, texts int) {
	t.Helper()
	set := r.snapshot()
	var forms []string
	var keys [][]byte
	if set != nil {
		forms, keys = set.list, set.keys
	}
	sets := []*secretSet{set, splitGroups(rng, set, rng.IntN(64))}
	for range texts {
		s := randomText(rng, forms)
		prefix := 0
		if rng.IntN(4) == 0 {
			prefix = rng.IntN(len(s) + 2)
		}
		want := naiveCover(s, forms, keys, prefix)
		for _, set := range sets {
			if got := cover(s, set, prefix); (got == nil) != (want == nil) || !bytes.Equal(got, want) {
				t.Fatalf("forms %q, prefix %d: cover(%q)\n got %v\nwant %v", forms, prefix, s, covered(s, got), covered(s, want))
			}
		}
	}
}

// covered lists the covered bytes of s, for a readable failure.
func covered(s string, cov []byte) string {
	if cov == nil {
		return "nil"
	}
	var b strings.Builder
	for i := range len(s) {
		if cov[i] != 0 {
			b.WriteByte(s[i])
		} else {
			b.WriteByte('.')
		}
	}
	return fmt.Sprintf("%q", b.String())
}

func TestCoverMatchesNaive(t *testing.T) {
	t.Parallel()
	c := testCredentials()
	jwt, err := MintJWT(c, time.Unix(1_800_000_000, 0))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		secrets []string
		key     string
	}{
		{"none", nil, ""},
		{"test credentials", c.Secrets(), c.SecretValue},
		{"with a JWT and a token", append(c.Secrets(), jwt, "eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l|0a1b2c3d"), c.SecretValue},
		{"self-overlapping", []string{"aa", "abab", "aaab"}, ""},
		{"one the start of another", []string{"admin", "admin-password", "min-p"}, ""},
		{"one inside another", []string{"secret-value", "t-va", "cre"}, ""},
		{"holding an ellipsis", []string{"ab\u2026cd", "\u2026\u2026x"}, ""},
		{"short", []string{"a", "ab", "abc"}, ""},
		{"every byte", []string{"\x00\xff\xe2\x80", "\u2026", "\xa6\xe2"}, ""},
		{"punctuation", []string{`p"w\x<&>'%+ é`, "a b&c#d"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := NewRedactor(tc.secrets...)
			r.AddSigningKey(tc.key)
			rng := rand.New(rand.NewPCG(1, uint64(len(tc.name))))
			checkCover(t, r, rng, 2000)
		})
	}
}

// FuzzCoverMatchesNaive: for any two secrets, cover marks what the oracle
// does on texts built from their forms.
func FuzzCoverMatchesNaive(f *testing.F) {
	f.Add("hunter2", "ab", uint64(1))
	f.Add(`p"w\x<&>'`, "aaa", uint64(2))
	f.Add("admin", "admin-password", uint64(3))
	f.Add("x\u2026y", "\xe2\x80", uint64(4))
	f.Fuzz(func(t *testing.T, s1, s2 string, seed uint64) {
		r := NewRedactor(s1, s2)
		checkCover(t, r, rand.New(rand.NewPCG(seed, 0)), 20)
	})
}

// A run that signs in again and again keeps a few automata, not one per
// sign-in, and masks every token it learnt.
func TestRedactorManyTokens(t *testing.T) {
	t.Parallel()
	r := NewRedactor(testPassword)
	var tokens []string
	for i := range 1000 {
		tok := fmt.Sprintf("token-%04d|%x|0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d", i, i*7919)
		r.Add(tok)
		tokens = append(tokens, tok)
	}
	if n := len(r.snapshot().groups); n > 12 {
		t.Errorf("%d automata for 1001 secrets", n)
	}
	in := strings.Join(tokens, " ")
	want := strings.TrimSuffix(strings.Repeat(Mask+" ", len(tokens)), " ")
	if got := r.String(in); got != want {
		t.Errorf("a token got through: %.200q", got)
	}
}
