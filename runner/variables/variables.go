// Package variables implements Postman's variable scopes and {{name}}
// substitution: the five scopes in Postman's precedence (local, iteration
// data, environment, collection, globals), recursive resolution with cycle
// detection, and the $-prefixed dynamic variables.
//
// Each run (or parallel worker) owns its scopes, and the runner copies what
// workers share. A Scope is nevertheless safe for concurrent use, because
// pm.sendRequest resolves variables on its own goroutine while script
// callbacks may still be writing them.
package variables

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/colrun/colrun/collections"
)

// Entry is one variable of a scope.
type Entry struct {
	Key   string
	Value any
	// Type is Postman's variable type ("default", "any", "string",
	// "number", "boolean", "secret"); "" when the source gave none.
	Type     string
	Disabled bool
}

// Scope is an ordered set of variables, like Postman's VariableScope.
type Scope struct {
	// Name is "globals", "collection", "environment", "data" or "local".
	Name    string
	mu      sync.RWMutex
	entries []Entry
	index   map[string]int
}

// NewScope returns a scope holding vars in order; a later duplicate key
// replaces an earlier one, as in Postman.
func NewScope(name string, vars []collections.Variable) *Scope {
	s := &Scope{Name: name, index: make(map[string]int, len(vars))}
	for _, v := range vars {
		s.put(Entry{Key: v.Key, Value: v.Value, Type: v.Type, Disabled: v.Disabled})
	}
	return s
}

func (s *Scope) put(e Entry) {
	if s.index == nil {
		s.index = map[string]int{}
	}
	if i, ok := s.index[e.Key]; ok {
		s.entries[i] = e
		return
	}
	s.index[e.Key] = len(s.entries)
	s.entries = append(s.entries, e)
}

// Get returns an enabled variable's value.
func (s *Scope) Get(key string) (any, bool) {
	if s == nil {
		return nil, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.index[key]
	if !ok || s.entries[i].Disabled {
		return nil, false
	}
	return s.entries[i].Value, true
}

// Type returns a variable's declared type ("" when it has none or does not
// exist), without copying the scope: scripts ask on every set.
func (s *Scope) Type(key string) string {
	if s == nil {
		return ""
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if i, ok := s.index[key]; ok {
		return s.entries[i].Type
	}
	return ""
}

// Has reports whether an enabled variable exists.
func (s *Scope) Has(key string) bool {
	_, ok := s.Get(key)
	return ok
}

// Set creates or replaces a variable, enabling it and keeping its type.
func (s *Scope) Set(key string, value any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := Entry{Key: key, Value: value}
	if i, ok := s.index[key]; ok {
		e.Type = s.entries[i].Type
	}
	s.put(e)
}

// SetEntry creates or replaces a variable with all its attributes.
func (s *Scope) SetEntry(e Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.put(e)
}

// Unset removes a variable.
func (s *Scope) Unset(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.index[key]
	if !ok {
		return
	}
	s.entries = append(s.entries[:i], s.entries[i+1:]...)
	delete(s.index, key)
	for j := i; j < len(s.entries); j++ {
		s.index[s.entries[j].Key] = j
	}
}

// Clear removes every variable.
func (s *Scope) Clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries = nil
	s.index = map[string]int{}
}

// Entries returns a copy of every variable in order, disabled ones too.
func (s *Scope) Entries() []Entry {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]Entry(nil), s.entries...)
}

// Len returns the number of variables, disabled ones too.
func (s *Scope) Len() int {
	if s == nil {
		return 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.entries)
}

// Clone returns an independent copy (values are shared; they are treated
// as immutable once stored).
func (s *Scope) Clone() *Scope {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := &Scope{Name: s.Name, entries: append([]Entry(nil), s.entries...), index: make(map[string]int, len(s.index))}
	for k, v := range s.index {
		c.index[k] = v
	}
	return c
}

// Scopes is the full set a request resolves against.
type Scopes struct {
	Globals     *Scope
	Collection  *Scope
	Environment *Scope
	Data        *Scope
	Local       *Scope
	// Dynamic generates $guid, $randomInt and the other dynamic variables;
	// nil disables them (they are then left unresolved).
	Dynamic *Generator
}

// NewScopes returns empty scopes with names set and a generator.
func NewScopes(gen *Generator) *Scopes {
	return &Scopes{
		Globals:     NewScope("globals", nil),
		Collection:  NewScope("collection", nil),
		Environment: NewScope("environment", nil),
		Data:        NewScope("data", nil),
		Local:       NewScope("local", nil),
		Dynamic:     gen,
	}
}

// Ordered returns the scopes from highest to lowest precedence.
func (s *Scopes) Ordered() []*Scope {
	return []*Scope{s.Local, s.Data, s.Environment, s.Collection, s.Globals}
}

// Get looks a name up in precedence order: local, data, environment,
// collection, globals.
func (s *Scopes) Get(key string) (any, bool) {
	for _, sc := range s.Ordered() {
		if v, ok := sc.Get(key); ok {
			return v, true
		}
	}
	return nil, false
}

// maxDepth bounds nested resolution; Postman stops after 19 passes.
const maxDepth = 20

// ResolveError reports a variable that cannot be resolved to a finite
// string: a cycle ({{a}} -> {{b}} -> {{a}}) or runaway nesting.
type ResolveError struct {
	Variable string
	// Chain is the path of names that led to the problem.
	Chain []string
	Cycle bool
}

func (e *ResolveError) Error() string {
	if e.Cycle {
		return fmt.Sprintf("variable {{%s}} refers to itself: %s", e.Variable, strings.Join(e.Chain, " -> "))
	}
	return fmt.Sprintf("variable {{%s}} nests more than %d levels deep: %s", e.Variable, maxDepth, strings.Join(e.Chain, " -> "))
}

// Resolver substitutes {{name}} tokens in strings against a set of scopes
// and remembers the names it could not resolve, for --verbose.
type Resolver struct {
	Scopes *Scopes
	// Unresolved collects names left as {{name}}, in first-seen order.
	Unresolved []string
	seen       map[string]bool
}

// NewResolver returns a resolver over s.
func NewResolver(s *Scopes) *Resolver { return &Resolver{Scopes: s} }

// Replace resolves every {{name}} in text. Unknown names are left in place,
// as Postman leaves them; a cycle or runaway nesting is an error.
func (r *Resolver) Replace(text string) (string, error) {
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	return r.replace(text, nil)
}

// MustReplace is Replace for callers that report the error elsewhere: on
// error it returns text unchanged.
func (r *Resolver) MustReplace(text string) string {
	out, err := r.Replace(text)
	if err != nil {
		return text
	}
	return out
}

func (r *Resolver) replace(text string, chain []string) (string, error) {
	for pass := 0; ; pass++ {
		if pass > maxDepth {
			name := firstToken(text)
			return "", &ResolveError{Variable: name, Chain: append(chain, name)}
		}
		out, changed, err := r.pass(text, chain)
		if err != nil {
			return "", err
		}
		if !changed {
			return out, nil
		}
		text = out
	}
}

// pass replaces every innermost {{token}} once. Composite names such as
// {{user_{{i}}}} are formed by one pass and resolved by the next.
func (r *Resolver) pass(text string, chain []string) (string, bool, error) {
	var b strings.Builder
	changed := false
	rest := text
	for {
		start, end, name, ok := nextToken(rest)
		if !ok {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:start])
		token := rest[start:end]
		rest = rest[end:]
		value, found := r.lookup(name)
		if !found {
			r.noteUnresolved(name)
			b.WriteString(token)
			continue
		}
		if strings.Contains(value, "{{") {
			for _, c := range chain {
				if c == name {
					return "", false, &ResolveError{Variable: name, Chain: append(append([]string(nil), chain...), name), Cycle: true}
				}
			}
			if len(chain) >= maxDepth {
				return "", false, &ResolveError{Variable: name, Chain: append(append([]string(nil), chain...), name)}
			}
			var err error
			value, err = r.replace(value, append(chain, name))
			if err != nil {
				return "", false, err
			}
		}
		b.WriteString(value)
		changed = true
	}
	return b.String(), changed, nil
}

func (r *Resolver) noteUnresolved(name string) {
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	if !r.seen[name] {
		r.seen[name] = true
		r.Unresolved = append(r.Unresolved, name)
	}
}

// lookup finds a name in the scopes, then among the dynamic variables.
// A null value (from a file, or set by a script) substitutes as "null", as
// in Newman, except a null from a data file, which Newman leaves
// unresolved.
func (r *Resolver) lookup(name string) (string, bool) {
	for _, sc := range r.Scopes.Ordered() {
		v, ok := sc.Get(name)
		if !ok {
			continue
		}
		if v == nil {
			if sc == r.Scopes.Data {
				return "", false
			}
			return "null", true
		}
		return SubstitutionString(v)
	}
	if strings.HasPrefix(name, "$") && r.Scopes.Dynamic != nil {
		return r.Scopes.Dynamic.Value(name)
	}
	return "", false
}

// nextToken finds the first {{name}} whose name holds no braces, as
// Postman's /\{\{([^{}]*?)}}/ does.
func nextToken(s string) (start, end int, name string, ok bool) {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '{' || s[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < len(s) && s[j] != '{' && s[j] != '}' {
			j++
		}
		if j+1 < len(s) && s[j] == '}' && s[j+1] == '}' {
			return i, j + 2, s[i+2 : j], true
		}
	}
	return 0, 0, "", false
}

func firstToken(s string) string {
	if _, _, name, ok := nextToken(s); ok {
		return name
	}
	return s
}

// SubstitutionString converts a stored value to the text that replaces its
// {{token}}, following Postman's rules: strings, numbers and booleans as
// text; arrays and objects through JavaScript's toString ("a,b" and
// "[object Object]"); nil reports false (the resolver decides what a
// null variable stands for, see lookup).
func SubstitutionString(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case json.Number:
		if f, err := x.Float64(); err == nil {
			return FormatNumber(f), true
		}
		return x.String(), true
	case float64:
		return FormatNumber(x), true
	case float32:
		return FormatNumber(float64(x)), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i], _ = SubstitutionString(e)
			}
		}
		return strings.Join(parts, ","), true
	case map[string]any:
		return "[object Object]", true
	default:
		return fmt.Sprint(x), true
	}
}

// FormatNumber formats a float as JavaScript's Number#toString does for
// the values collections hold: integers without a fraction, others in the
// shortest form that round-trips.
func FormatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == math.Trunc(f) && math.Abs(f) < 1e21:
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	abs := math.Abs(f)
	if abs >= 1e-6 && abs < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	// Go writes 1e-07, JavaScript 1e-7.
	mant, exp, _ := strings.Cut(s, "e")
	sign := exp[0]
	exp = strings.TrimLeft(exp[1:], "0")
	if sign == '+' {
		return mant + "e+" + exp
	}
	return mant + "e-" + exp
}
