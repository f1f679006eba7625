package auth

import (
	"errors"
	"html"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// Redactor masks secrets in everything colrun writes. Secrets are added as
// they become known: the configured ones at start, then each minted JWT and
// captured session token during the run. It is safe for concurrent use, and
// the zero value is ready (and masks nothing).
//
// Each secret is also matched in the forms it takes once encoded into a
// JSON string, an XML attribute or a URL, because reports and logs hold
// request bodies and URLs, not just raw values.
type Redactor struct {
	mu sync.RWMutex
	// set is replaced, never modified, so writers can use a snapshot
	// without holding the lock.
	set *secretSet
}

type secretSet struct {
	list      []string // longest first
	maxLen    int
	noNewline bool // no secret contains '\n', so none can span lines
}

// NewRedactor returns a Redactor that already knows secrets.
func NewRedactor(secrets ...string) *Redactor {
	r := &Redactor{}
	for _, s := range secrets {
		r.Add(s)
	}
	return r
}

// Add registers a secret and its encoded forms. Empty strings are ignored.
// Data a Writer has already written is not revisited.
func (r *Redactor) Add(secret string) {
	if secret == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var list []string
	if r.set != nil {
		list = slices.Clone(r.set.list)
	}
	changed := false
	for _, v := range encodedForms(secret) {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
			changed = true
		}
	}
	if !changed {
		return
	}
	r.set = newSecretSet(list)
}

// newSecretSet sorts longest first and precomputes what writers need; it
// returns nil for an empty list.
func newSecretSet(list []string) *secretSet {
	if len(list) == 0 {
		return nil
	}
	slices.SortStableFunc(list, func(a, b string) int { return len(b) - len(a) })
	set := &secretSet{list: list, maxLen: len(list[0]), noNewline: true}
	for _, s := range list {
		if strings.Contains(s, "\n") {
			set.noNewline = false
		}
	}
	return set
}

// Except returns a new Redactor with all of r's secrets but keep (and its
// encoded forms). It exists for the exported environment, which may keep
// the captured session token (the user asked for the state) but must mask
// everything else.
func (r *Redactor) Except(keep ...string) *Redactor {
	out := &Redactor{}
	set := r.snapshot()
	if set == nil {
		return out
	}
	drop := map[string]bool{}
	for _, k := range keep {
		if k == "" {
			continue
		}
		for _, v := range encodedForms(k) {
			drop[v] = true
		}
	}
	var list []string
	for _, v := range set.list {
		if !drop[v] {
			list = append(list, v)
		}
	}
	out.set = newSecretSet(list)
	return out
}

// encodedForms are the spellings of a secret in the encodings colrun's
// outputs use: raw, JSON string content (with and without HTML escaping),
// XML and HTML character references, and URL query and path escaping.
func encodedForms(s string) []string {
	jsonHTML, _ := strings.CutPrefix(strings.TrimSuffix(jsonStringHTML(s), `"`), `"`)
	jsonPlain, _ := strings.CutPrefix(strings.TrimSuffix(jsonString(s), `"`), `"`)
	namedXML := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
	return []string{s, jsonPlain, jsonHTML, xmlAttr(s), html.EscapeString(s), namedXML, url.QueryEscape(s), url.PathEscape(s)}
}

// Empty reports whether no secret is known yet, so that masking would
// change nothing.
func (r *Redactor) Empty() bool { return r.snapshot() == nil }

func (r *Redactor) snapshot() *secretSet {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.set
}

// String returns s with every stretch covered by secrets replaced by one
// Mask. Overlapping and adjacent secrets merge into one mask, so no part of
// any secret survives, whatever order they were added in.
func (r *Redactor) String(s string) string {
	set := r.snapshot()
	if set == nil {
		return s
	}
	cov := cover(s, set.list, 0)
	if cov == nil {
		return s
	}
	var b strings.Builder
	last := false
	writeMasked(&b, s, cov, &last)
	return b.String()
}

// Bytes is String for byte slices, such as response bodies in a report.
func (r *Redactor) Bytes(b []byte) []byte {
	set := r.snapshot()
	if set == nil {
		return b
	}
	s := string(b)
	if cover(s, set.list, 0) == nil {
		return b
	}
	return []byte(r.String(s))
}

// cover marks the bytes of s inside any occurrence of any secret, with the
// first prefix bytes already known to be covered. It returns nil when
// nothing is covered, so the common case allocates nothing.
func cover(s string, secrets []string, prefix int) []bool {
	var cov []bool
	if prefix > 0 {
		cov = make([]bool, len(s))
		for i := 0; i < prefix && i < len(s); i++ {
			cov[i] = true
		}
	}
	for _, sec := range secrets {
		for i := 0; i <= len(s)-len(sec); {
			j := strings.Index(s[i:], sec)
			if j < 0 {
				break
			}
			start := i + j
			if cov == nil {
				cov = make([]bool, len(s))
			}
			for k := start; k < start+len(sec); k++ {
				cov[k] = true
			}
			// Overlapping occurrences matter: in "aaa" with secret
			// "aa", both must be covered.
			i = start + 1
		}
	}
	return cov
}

// writeMasked writes s with each covered run replaced by Mask. *last says
// whether what was written just before ended in a mask, so that a run
// continuing across two writes produces one Mask, as String would.
func writeMasked(b *strings.Builder, s string, cov []bool, last *bool) {
	if cov == nil {
		b.WriteString(s)
		if len(s) > 0 {
			*last = false
		}
		return
	}
	for i := 0; i < len(s); {
		if !cov[i] {
			j := i
			for j < len(s) && !cov[j] {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			*last = false
			continue
		}
		j := i
		for j < len(s) && cov[j] {
			j++
		}
		if !*last {
			b.WriteString(Mask)
		}
		*last = true
		i = j
	}
}

// Writer returns a writer that masks secrets in a stream before passing it
// to w. A secret split across Write calls is still caught: up to the
// longest secret's length minus one byte is held back until the next Write
// or Close, except after a newline when no secret contains one, so
// line-oriented logs flow at once. Close flushes; it does not close w.
// The output is exactly what String would make of the whole stream.
func (r *Redactor) Writer(w io.Writer) io.WriteCloser {
	return &redactWriter{r: r, w: w}
}

type redactWriter struct {
	r  *Redactor
	w  io.Writer
	mu sync.Mutex

	pending []byte
	// covered is how many leading bytes of pending belong to a secret
	// occurrence that began in bytes already written.
	covered    int
	lastMasked bool
	closed     bool
	err        error
}

// Write reports all of p written once it is accepted, even if part is
// held back; an error from the underlying writer sticks.
func (rw *redactWriter) Write(p []byte) (int, error) {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	if rw.closed {
		return 0, errors.New("redacting writer: write after Close")
	}
	if rw.err != nil {
		return 0, rw.err
	}
	rw.pending = append(rw.pending, p...)
	if err := rw.flush(false); err != nil {
		rw.err = err
		return 0, err
	}
	return len(p), nil
}

// Close flushes what was held back; the underlying writer stays open.
func (rw *redactWriter) Close() error {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	if rw.closed {
		return rw.err
	}
	rw.closed = true
	if rw.err != nil {
		return rw.err
	}
	rw.err = rw.flush(true)
	return rw.err
}

// flush writes what can no longer be part of an unseen secret occurrence.
// Any occurrence that is not complete in pending starts at or after
// len-maxLen+1, so every byte before that point has its final coverage.
func (rw *redactWriter) flush(final bool) error {
	set := rw.r.snapshot()
	if (set == nil || len(set.list) == 0) && rw.covered == 0 {
		// No secret yet (most runs, and every run before its sign-in):
		// the bytes pass as they are, without the copies below.
		if len(rw.pending) == 0 {
			return nil
		}
		rw.lastMasked = false
		_, err := rw.w.Write(rw.pending)
		rw.pending = rw.pending[:0]
		return err
	}
	s := string(rw.pending)
	var list []string
	maxLen, noNewline := 0, true
	if set != nil {
		list, maxLen, noNewline = set.list, set.maxLen, set.noNewline
	}
	cov := cover(s, list, rw.covered)
	cut := len(s)
	if !final && maxLen > 1 {
		cut = max(len(s)-(maxLen-1), 0)
		if noNewline {
			if i := strings.LastIndexByte(s, '\n'); i+1 > cut {
				cut = i + 1
			}
		}
	}
	if cut == 0 {
		return nil
	}
	var b strings.Builder
	var head []bool
	if cov != nil {
		head = cov[:cut]
	}
	writeMasked(&b, s[:cut], head, &rw.lastMasked)
	rest := 0
	if cov != nil {
		for rest < len(s)-cut && cov[cut+rest] {
			rest++
		}
	}
	rw.pending = append(rw.pending[:0], rw.pending[cut:]...)
	rw.covered = rest
	_, err := io.WriteString(rw.w, b.String())
	return err
}
