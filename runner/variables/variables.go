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
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/colrun/colrun/collections"
)

// Entry is one variable of a scope.
type Entry struct {
	Key string
	// Value is a string, bool, number, nil (null), []any, map[string]any,
	// or collections.Undefined for a variable defined without a value.
	Value any
	// Type is Postman's variable type ("default", "any", "string",
	// "number", "boolean", "object", "array", "secret"); "" when the
	// source gave none.
	Type string
	// Disabled is JavaScript's truthiness of the entry's "disabled": it
	// keeps the entry out of {{name}} substitution, replaceIn, set and
	// unset.
	Disabled bool
	// DisabledAs is "disabled" as its file wrote it (1, "yes", true), nil
	// when the file had none or the entry did not come from a file.
	DisabledAs json.RawMessage
	// Unnamed is collections.Variable's: an entry without a "key", kept
	// for exports only, since Newman's lookups, writes and unsets never
	// reach it.
	Unnamed bool
	// ID and Name are an Unnamed entry's "id" and "name", for exports.
	ID, Name string
}

// hidden reports whether scripts' get and has skip the entry: Postman's
// VariableScope tests disabled === true there, so an entry disabled with
// 1 or "yes" is left out of requests and still read by scripts.
func (e Entry) hidden() bool {
	return e.Disabled && (e.DisabledAs == nil || string(e.DisabledAs) == "true")
}

// Scope is an ordered list of variables, like Postman's VariableScope. As
// there, a key may appear more than once (files do, and exports write
// every entry back): lookups and writes use the last enabled entry with
// the key, and a write to a key whose entries are all disabled adds an
// entry.
type Scope struct {
	// Name is "globals", "collection", "environment", "data" or "local".
	Name    string
	mu      sync.RWMutex
	entries []Entry
	// index maps each key to the entry lookups use: the last enabled one,
	// or the last one when all are disabled.
	index map[string]int
	// written, once TrackWrites made it, collects the keys Set, SetEntry,
	// Unset and Clear touched: --parallel merges each iteration's writes,
	// and a write of the value a variable already had is one too.
	written map[string]bool
	// cleared is set when Clear ran since Written was last called.
	cleared bool
}

// TrackWrites makes s record the keys that later writes touch, for
// Written.
func (s *Scope) TrackWrites() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.written = map[string]bool{}
}

// Written returns the keys written since TrackWrites or the last call,
// sorted, and whether Clear ran meanwhile (which removes keys this copy
// never held too), and starts afresh.
func (s *Scope) Written() (keys []string, cleared bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys, cleared = slices.Sorted(maps.Keys(s.written)), s.cleared
	if s.written != nil {
		s.written = map[string]bool{}
	}
	s.cleared = false
	return keys, cleared
}

func (s *Scope) wrote(key string) {
	if s.written != nil {
		s.written[key] = true
	}
}

// NewScope returns a scope holding vars in order, each value cast to its
// declared type as Postman casts it when it loads a file ("string" makes
// 12 "12", "number" makes "12" 12, "boolean" makes "false" true).
func NewScope(name string, vars []collections.Variable) *Scope {
	s := &Scope{Name: name, index: make(map[string]int, len(vars))}
	for _, v := range vars {
		typ := normalType(v.Type)
		s.add(Entry{Key: v.Key, Value: cast(typ, v.Value), Type: typ, Disabled: v.Disabled, DisabledAs: v.DisabledAs, Unnamed: v.Unnamed, ID: v.ID, Name: v.Name})
	}
	return s
}

// add appends e and points the index at it unless an enabled entry with
// the key already stands and e is disabled.
func (s *Scope) add(e Entry) {
	if s.index == nil {
		s.index = map[string]int{}
	}
	s.entries = append(s.entries, e)
	if e.Unnamed {
		return
	}
	if i, ok := s.index[e.Key]; !ok || !e.Disabled || s.entries[i].Disabled {
		s.index[e.Key] = len(s.entries) - 1
	}
}

// enabled returns the position of the enabled entry lookups use for key.
func (s *Scope) enabled(key string) (int, bool) {
	i, ok := s.index[key]
	if !ok || s.entries[i].Disabled {
		return 0, false
	}
	return i, true
}

// Get returns a variable's value as scripts read it: the entry lookups
// use, unless its "disabled" is true. Like Postman, it reads an entry
// disabled with another truthy value (1, "yes"), which {{name}} skips; see
// Resolve.
func (s *Scope) Get(key string) (any, bool) {
	if s == nil {
		return nil, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.index[key]
	if !ok || s.entries[i].hidden() {
		return nil, false
	}
	return s.entries[i].ScriptValue(), true
}

// Resolve returns an enabled variable's value, as {{name}} substitution
// reads it: any truthy "disabled" hides the entry.
func (s *Scope) Resolve(key string) (any, bool) {
	return s.resolve(key, false)
}

// resolve is Resolve, with the value as a script reads it (see
// scriptValue) when script is set: a script's replaceIn substitutes what
// its get would read.
func (s *Scope) resolve(key string, script bool) (any, bool) {
	if s == nil {
		return nil, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.enabled(key)
	if !ok {
		return nil, false
	}
	if script {
		return s.entries[i].ScriptValue(), true
	}
	return s.entries[i].Read(), true
}

// Type returns the declared type of the enabled variable key, the one a
// set writes and casts to ("" when it has none or there is no enabled
// one), without copying the scope: scripts ask on every set.
func (s *Scope) Type(key string) string {
	if s == nil {
		return ""
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if i, ok := s.enabled(key); ok {
		return s.entries[i].Type
	}
	return ""
}

// Has reports whether Get finds the variable, whatever its value (one
// defined without a value, too).
func (s *Scope) Has(key string) bool {
	_, ok := s.Get(key)
	return ok
}

// Set gives the enabled variable key a new value, cast to its declared
// type (--env-var port=8080 on a "number" variable stores 8080), or adds
// a variable when there is no enabled one.
func (s *Scope) Set(key string, value any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wrote(key)
	if i, ok := s.enabled(key); ok {
		s.entries[i].Value = cast(s.entries[i].Type, value)
		return
	}
	s.add(Entry{Key: key, Value: value})
}

// SetEntry replaces the enabled variable e.Key with e, attributes and all,
// or adds e when there is no enabled one. An e that says nothing of
// "disabled" keeps the entry's falsy one (0, null), which exports write
// back, as Postman's Variable#update keeps it.
func (s *Scope) SetEntry(e Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wrote(e.Key)
	e.Type = normalType(e.Type)
	e.Value = cast(e.Type, e.Value)
	if i, ok := s.enabled(e.Key); ok {
		if !e.Disabled && e.DisabledAs == nil {
			e.DisabledAs = s.entries[i].DisabledAs
		}
		s.entries[i] = e
		if e.Disabled {
			s.reindex()
		}
		return
	}
	s.add(e)
}

// Unset removes the enabled variables named key; disabled ones stay, as
// in Postman.
func (s *Scope) Unset(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wrote(key)
	if _, ok := s.enabled(key); !ok {
		return
	}
	kept := s.entries[:0]
	for _, e := range s.entries {
		if e.Key != key || e.Disabled || e.Unnamed {
			kept = append(kept, e)
		}
	}
	clear(s.entries[len(kept):])
	s.entries = kept
	s.reindex()
}

func (s *Scope) reindex() {
	s.index = make(map[string]int, len(s.entries))
	for i, e := range s.entries {
		if e.Unnamed {
			continue
		}
		if j, ok := s.index[e.Key]; !ok || !e.Disabled || s.entries[j].Disabled {
			s.index[e.Key] = i
		}
	}
}

// Clear removes every variable.
func (s *Scope) Clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.entries {
		s.wrote(e.Key)
	}
	s.cleared = s.written != nil
	s.entries = nil
	s.index = map[string]int{}
}

// Entries returns a copy of every variable in order, disabled ones and
// duplicates too: what an export writes.
func (s *Scope) Entries() []Entry {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]Entry(nil), s.entries...)
}

// Visible returns one entry per key, the one lookups use, in scope order:
// what comparing two states of a scope needs, where a shadowed duplicate
// is no change.
func (s *Scope) Visible() []Entry {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Entry, 0, len(s.index))
	for i, e := range s.entries {
		if j, ok := s.index[e.Key]; ok && j == i {
			out = append(out, e)
		}
	}
	return out
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

// Resolve is Get with {{name}} substitution's reading of "disabled": any
// truthy value hides an entry (see Scope.Resolve).
func (s *Scopes) Resolve(key string) (any, bool) {
	for _, sc := range s.Ordered() {
		if v, ok := sc.Resolve(key); ok {
			return v, true
		}
	}
	return nil, false
}

// maxPasses is Newman's VARS_SUBREPLACE_LIMIT: a text is scanned at most
// 19 times, each scan replacing every innermost {{token}} once, so a value
// nested deeper than that is sent with the rest of its tokens in place.
const maxPasses = 19

// ResolveError reports a variable cycle ({{a}} -> {{b}} -> {{a}}), which
// colrun refuses to send where Newman sends the text left after its last
// pass.
type ResolveError struct {
	Variable string
	// Chain is the path of names that led back to Variable.
	Chain []string
	// Cycle is always true; it stays for callers that check it.
	Cycle bool
}

// Error names the variable and the chain that leads back to it.
func (e *ResolveError) Error() string {
	return fmt.Sprintf("variable {{%s}} refers to itself: %s", e.Variable, strings.Join(e.Chain, " -> "))
}

// MaxResolvedLen caps the text one Replace may produce. A value naming
// variables several times over ({{a}} = "{{b}}{{b}}{{b}}{{b}}", and so
// on down) multiplies at each of the 19 passes, past any memory; V8 holds
// no string longer than 2^29-24 UTF-16 units, so no text that resolves
// under Newman is longer than this (Newman grinds on until it runs out).
const MaxResolvedLen = 1<<29 - 24

// TooLongError reports a substitution that would exceed MaxResolvedLen.
type TooLongError struct {
	// Variable is the name whose value would have crossed the limit.
	Variable string
	Limit    int
}

// Error names the variable and the limit in MiB.
func (e *TooLongError) Error() string {
	return fmt.Sprintf("variable {{%s}} makes the text longer than %d MiB once substituted: its value, or those of the variables it names, refer to other variables many times over", e.Variable, e.Limit>>20)
}

// Resolver substitutes {{name}} tokens in strings against a set of scopes
// and remembers the names it could not resolve, for --verbose.
type Resolver struct {
	Scopes *Scopes
	// DataNullAsText substitutes a data file's null as "null", as
	// pm.variables.replaceIn does in Newman; requests leave it unresolved.
	DataNullAsText bool
	// ScriptValues substitutes values as scripts read them (see
	// Entry.ScriptValue), as a script's replaceIn does in Newman: a
	// "number" variable holding "abc" is 0 there and NaN in a request.
	ScriptValues bool
	// Unresolved collects names left as {{name}}, in first-seen order.
	Unresolved []string
	seen       map[string]bool
	// limit overrides MaxResolvedLen, for tests.
	limit int
}

// NewResolver returns a resolver over s.
func NewResolver(s *Scopes) *Resolver { return &Resolver{Scopes: s} }

// Replace resolves every {{name}} in text as Newman does: pass after pass,
// each replacing the innermost tokens, so that {{user_{{i}}}} works.
// Unknown names are left in place; a cycle is an error.
func (r *Resolver) Replace(text string) (string, error) {
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	limit := r.limit
	if limit == 0 {
		limit = MaxResolvedLen
	}
	out, cycleChecked := text, false
	for range maxPasses {
		next, changed, err := r.pass(out, limit)
		if err != nil {
			if cerr := r.findCycle(text, nil, map[string]bool{}); cerr != nil {
				return "", cerr
			}
			return "", err
		}
		out = next
		if !changed {
			return out, nil
		}
		if !cycleChecked && len(out) > len(text)+1<<20 {
			// Growing fast, most likely a cycle that names itself more
			// than once ({{a}} = "{{a}}{{a}}"): say so now, before the
			// passes left grow it past what memory holds.
			cycleChecked = true
			if err := r.findCycle(text, nil, map[string]bool{}); err != nil {
				return "", err
			}
		}
	}
	// Still resolving when Newman stops: only a cycle keeps that up
	// forever; finite nesting past the limit is left as Newman leaves it.
	if err := r.findCycle(text, nil, map[string]bool{}); err != nil {
		return "", err
	}
	return out, nil
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

// pass replaces every innermost {{token}} once and reports whether any
// token was found; it stops with a TooLongError rather than build a text
// longer than limit.
func (r *Resolver) pass(text string, limit int) (string, bool, error) {
	var b strings.Builder
	changed := false
	rest := text
	for {
		start, end, name, ok := nextToken(rest)
		if !ok {
			if !changed {
				return text, false, nil
			}
			b.WriteString(rest)
			return b.String(), true, nil
		}
		value, found := r.lookup(name)
		if found && b.Len()+start+len(value)+len(rest)-end > limit {
			return "", false, &TooLongError{Variable: name, Limit: limit}
		}
		if found && !changed {
			// One allocation for a typical result (a URL with a base
			// variable) instead of growing through several.
			b.Grow(len(text) - (end - start) + len(value))
		}
		b.WriteString(rest[:start])
		token := rest[start:end]
		rest = rest[end:]
		if !found {
			r.noteUnresolved(name)
			b.WriteString(token)
			continue
		}
		b.WriteString(value)
		changed = true
	}
}

// findCycle walks the names text refers to, through the variables'
// values, looking for one that leads back to itself. It reads the scopes
// only (a dynamic variable never holds a token), and done remembers names
// already cleared so that shared references are walked once.
func (r *Resolver) findCycle(text string, chain []string, done map[string]bool) error {
	for rest := text; ; {
		_, end, name, ok := nextToken(rest)
		if !ok {
			return nil
		}
		rest = rest[end:]
		if done[name] {
			continue
		}
		for _, c := range chain {
			if c == name {
				return &ResolveError{Variable: name, Chain: append(append([]string(nil), chain...), name), Cycle: true}
			}
		}
		if value, found := r.scopeValue(name); found && strings.Contains(value, "{{") {
			if err := r.findCycle(value, append(chain, name), done); err != nil {
				return err
			}
		}
		done[name] = true
	}
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
func (r *Resolver) lookup(name string) (string, bool) {
	if v, found := r.scopeValue(name); found {
		return v, true
	}
	if strings.HasPrefix(name, "$") && r.Scopes.Dynamic != nil {
		return r.Scopes.Dynamic.Value(name)
	}
	return "", false
}

// scopeValue finds a name in the scopes, in precedence order. A null value
// (from a file, or set by a script) substitutes as "null", as in Newman,
// except a null from a data file, which Newman's request substitution
// leaves unresolved (its data is a plain object there, not variables)
// unless DataNullAsText says otherwise.
func (r *Resolver) scopeValue(name string) (string, bool) {
	for _, sc := range r.Scopes.Ordered() {
		v, ok := sc.resolve(name, r.ScriptValues)
		if !ok {
			continue
		}
		if v == nil {
			if sc == r.Scopes.Data && !r.DataNullAsText {
				return "", false
			}
			return "null", true
		}
		return SubstitutionString(v)
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

// SubstitutionString converts a stored value to the text that replaces its
// {{token}}, following Postman's rules: strings, numbers and booleans as
// text; arrays and objects through JavaScript's toString ("a,b" and
// "[object Object]"); a variable defined without a value as ""; nil
// reports false (the resolver decides what a null variable stands for, see
// scopeValue).
func SubstitutionString(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case collections.Undefined:
		return "", true
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case json.Number:
		if f, ok := jsonNumberFloat(x); ok {
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

// jsonNumberFloat is n as JSON.parse reads it: a number past float64's
// range is an infinity (1e400 is Infinity) and one below it 0.
func jsonNumberFloat(n json.Number) (float64, bool) {
	f, err := strconv.ParseFloat(string(n), 64)
	return f, err == nil || errors.Is(err, strconv.ErrRange)
}

// ScriptValue is the entry's value as a script reads it through get,
// toObject, toJSON or replaceIn; see scriptValue.
func (e Entry) ScriptValue() any { return scriptValue(e.Type, e.Read()) }

// scriptValue is v as a script reads it. Newman hands the scopes to the
// sandbox as JSON, where NaN and the infinities are null, and a "number"
// variable casts that null back to 0: a file's {"type": "number", "value":
// "abc"} or 1e400 reads 0 in scripts and null untyped, while {{name}}
// still gives NaN or Infinity.
func scriptValue(typ string, v any) any {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case json.Number:
		var ok bool
		if f, ok = jsonNumberFloat(x); !ok {
			return v
		}
	default:
		return v
	}
	if !math.IsNaN(f) && !math.IsInf(f, 0) {
		return v
	}
	if typ == "number" {
		return 0.0
	}
	return nil
}

// FormatNumber formats a float as JavaScript's Number#toString does; see
// collections.FormatNumber.
func FormatNumber(f float64) string { return collections.FormatNumber(f) }
