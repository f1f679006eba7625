package sandbox

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/sandbox/modules"
	"github.com/colrun/colrun/runner/variables"
)

// Scope ids shared with the bootstrap's VariableScope objects.
const (
	scopeGlobals     = 0
	scopeCollection  = 1
	scopeEnvironment = 2
	scopeData        = 3
	scopeAll         = 5
)

// natives is the Go side of the bootstrap: the functions its JavaScript
// calls for what needs Go (variables, HTTP, cookies, XML) or per-Run state.
func (s *Sandbox) natives() *goja.Object {
	rt := s.rt
	o := rt.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }

	set("uuid", func(goja.FunctionCall) goja.Value { return rt.ToValue(newUUID()) })
	set("parseURL", func(c goja.FunctionCall) goja.Value { return s.parsedURL(c.Argument(0).String()) })
	sv := &s.vals
	set("varGet", func(c goja.FunctionCall) goja.Value { return s.nVarGet(sv, c) })
	set("varSet", func(c goja.FunctionCall) goja.Value { return s.nVarSet(sv, c) })
	set("varUnset", func(c goja.FunctionCall) goja.Value { return s.nVarUnset(sv, c) })
	set("varHas", s.nVarHas)
	set("varClear", func(c goja.FunctionCall) goja.Value { return s.nVarClear(sv, c) })
	set("varToObject", func(c goja.FunctionCall) goja.Value { return s.nVarToObject(sv, c) })
	set("varEntries", func(c goja.FunctionCall) goja.Value { return s.nVarEntries(sv, c) })
	set("varMutations", s.nVarMutations)
	set("varReplaceIn", func(c goja.FunctionCall) goja.Value { return s.nVarReplaceIn(sv, c) })
	set("envName", func(goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil && st.exec.EnvironmentName != "" {
			return rt.ToValue(st.exec.EnvironmentName)
		}
		return goja.Undefined()
	})
	set("globalsName", func(goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil && st.exec.GlobalsName != "" {
			return rt.ToValue(st.exec.GlobalsName)
		}
		return goja.Undefined()
	})
	set("info", s.nInfo)
	set("infoObject", s.nInfoObject)
	set("requestObject", func(goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil && st.exec.Request != nil {
			st.requestTouched = true
			o, parts := s.requestObject(st.exec.Request)
			if parts != nil && st.listen == "prerequest" {
				parts.exportBase = true
				st.request = parts
			}
			return o
		}
		return goja.Undefined()
	})
	set("baselineInGo", func(goja.FunctionCall) goja.Value {
		st := s.cur
		return rt.ToValue(st != nil && st.request != nil && s.baselineInGo(&st.request.req))
	})
	set("legacyTests", func(goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil {
			st.legacyTests = true
		}
		return goja.Undefined()
	})
	set("responseObject", func(goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil && st.exec.Response != nil {
			return s.responseObject(st.exec.Response, st.exec.Cookies)
		}
		return goja.Undefined()
	})
	// pm.response's getter: a native one, as scripts read it often.
	set("response", func(goja.FunctionCall) goja.Value {
		st := s.cur
		if st == nil {
			return goja.Undefined()
		}
		if st.response == nil {
			st.response = s.makeResponse(st)
		}
		return st.response
	})
	set("cookiesObject", func(goja.FunctionCall) goja.Value {
		var cookies []*http.Cookie
		if st := s.cur; st != nil {
			cookies = st.exec.Cookies
		}
		return s.cookieList(nil, cookies)
	})
	set("bodyText", s.nBodyText)
	set("responseJSON", s.responseJSON)
	set("parseJSON", s.parseJSON)
	set("bodyBase64", func(c goja.FunctionCall) goja.Value {
		r := s.sourceOf(c.Argument(0))
		if r == nil {
			return goja.Undefined()
		}
		return rt.ToValue(base64.StdEncoding.EncodeToString(r.Body))
	})
	set("gzipped", func(c goja.FunctionCall) goja.Value {
		r := s.sourceOf(c.Argument(0))
		return rt.ToValue(r != nil && len(r.Body) > 2 && r.Body[0] == 0x1f && r.Body[1] == 0x8b && r.Body[2] == 8)
	})
	set("received", func(c goja.FunctionCall) goja.Value { return rt.ToValue(s.sourceOf(c.Argument(0)) != nil) })
	set("receivedResponse", func(c goja.FunctionCall) goja.Value {
		if o, ok := c.Argument(0).(*goja.Object); ok {
			s.receivedResponse(o, c.Argument(1))
		}
		return goja.Undefined()
	})
	set("base64", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(base64.StdEncoding.EncodeToString([]byte(c.Argument(0).String())))
	})
	set("byteLength", func(c goja.FunctionCall) goja.Value { return rt.ToValue(len(c.Argument(0).String())) })
	set("contentInfo", s.nContentInfo)
	set("httpReason", func(c goja.FunctionCall) goja.Value {
		o := rt.NewObject()
		code := int(c.Argument(0).ToInteger())
		if name := httpReasonName(code); name != "" && !goja.IsUndefined(c.Argument(0)) {
			_ = o.Set("name", name)
			_ = o.Set("detail", httpReasonDetail(code))
		}
		return o
	})
	set("jsonError", func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if goja.IsUndefined(v) {
			return rt.ToValue(`"undefined" is not valid JSON`)
		}
		return rt.ToValue(jsonErrorMessage(v.String()))
	})
	set("xml2Json", func(c goja.FunctionCall) goja.Value {
		v, err := modules.XML2JS(rt, c.Argument(0).String(), modules.PostmanXML2JSONOptions())
		if err != nil {
			// Postman's xml2Json swallows parse errors and returns undefined.
			return goja.Undefined()
		}
		return v
	})
	set("send", s.nSend)
	set("jar", s.nJar)
	set("assertion", s.nAssertion)
	set("pending", func(c goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil {
			i := int(c.Argument(0).ToInteger())
			sl := st.slot(i)
			sl.pending = c.Argument(2).String()
			sl.a = event.Assertion{Name: c.Argument(1).String()}
			if sl.pending == "promise" {
				st.place(i)
			}
		}
		return goja.Undefined()
	})
	set("setNextRequest", func(c goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil {
			v := c.Argument(0)
			_, isFunc := goja.AssertFunction(v)
			switch {
			case goja.IsUndefined(v) || isFunc:
				// postman-sandbox hands the value out as JSON, which
				// leaves undefined and functions out: the script sets no
				// next request, and an earlier script's target stands.
				st.res.NextRequest = nil
			case goja.IsNull(v):
				st.res.NextRequest = &NextRequest{Stop: true}
			default:
				st.res.NextRequest = &NextRequest{Name: v.String()}
			}
		}
		return goja.Undefined()
	})
	set("skipRequest", func(goja.FunctionCall) goja.Value {
		if st := s.cur; st != nil {
			st.res.SkipRequest = true
			st.skipped = true
			s.loop.reset()
			// postman-sandbox ends the execution here and the runtime
			// drops whatever the rest of the script does (its logs,
			// tests, variable writes, setNextRequest, a throw), so the
			// script stops here: an interrupt no catch or finally sees.
			s.rt.Interrupt(skipRequested{})
		}
		return goja.Undefined()
	})
	set("pmRequire", func(goja.FunctionCall) goja.Value {
		panic(s.newError("Error", modules.PMRequireError))
	})
	set("console", func(c goja.FunctionCall) goja.Value {
		s.console(c.Argument(0).String(), c.Arguments[1:])
		return goja.Undefined()
	})
	s.fastNatives(set)
	return o
}

// newError creates a JS error object (a real instance of the named
// constructor, so instanceof works) with the given message.
func (s *Sandbox) newError(name, msg string) *goja.Object {
	ctor := s.rt.Get(name)
	if ctor == nil {
		ctor = s.rt.Get("Error")
	}
	obj, err := s.rt.New(ctor, s.rt.ToValue(msg))
	if err != nil {
		return s.rt.NewGoError(errors.New(msg))
	}
	return obj
}

// installGlobals defines console and the timer functions, which Postman's
// sandbox provides as globals.
func (s *Sandbox) installGlobals() {
	rt := s.rt
	console := rt.NewObject()
	for _, level := range []string{"log", "info", "warn", "error", "debug"} {
		level := level
		_ = console.Set(level, func(c goja.FunctionCall) goja.Value {
			s.console(level, c.Arguments)
			return goja.Undefined()
		})
	}
	_ = console.Set("clear", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	_ = rt.Set("console", console)
	_ = rt.GlobalObject().DefineDataProperty(caughtName, rt.ToValue(s.nCaught), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)

	_ = rt.Set("setTimeout", func(c goja.FunctionCall) goja.Value { return s.setTimer(c, false) })
	_ = rt.Set("setInterval", func(c goja.FunctionCall) goja.Value { return s.setTimer(c, true) })
	_ = rt.Set("setImmediate", func(c goja.FunctionCall) goja.Value {
		args := append([]goja.Value{c.Argument(0), rt.ToValue(0)}, tail(c.Arguments, 1)...)
		return s.setTimer(goja.FunctionCall{This: c.This, Arguments: args}, false)
	})
	clearFn := func(c goja.FunctionCall) goja.Value {
		if v := c.Argument(0); !goja.IsUndefined(v) && !goja.IsNull(v) {
			s.loop.clearTimer(v.ToInteger())
		}
		return goja.Undefined()
	}
	_ = rt.Set("clearTimeout", clearFn)
	_ = rt.Set("clearInterval", clearFn)
	_ = rt.Set("clearImmediate", clearFn)
}

func tail(args []goja.Value, from int) []goja.Value {
	if len(args) <= from {
		return nil
	}
	return args[from:]
}

// setTimer implements setTimeout and setInterval. Extra arguments are
// passed to the callback, as Node does (Postman drops them).
func (s *Sandbox) setTimer(c goja.FunctionCall, repeat bool) goja.Value {
	fn, ok := goja.AssertFunction(c.Argument(0))
	if !ok || s.cur == nil {
		return goja.Undefined()
	}
	ms := c.Argument(1).ToFloat()
	if math.IsNaN(ms) || ms < 0 || math.IsInf(ms, 0) {
		ms = 0
	}
	delay := time.Duration(ms * float64(time.Millisecond))
	var interval time.Duration
	if repeat {
		// Node runs an interval at most once a millisecond; without that a
		// zero interval would spin the loop.
		interval = max(delay, time.Millisecond)
	}
	args := append([]goja.Value(nil), tail(c.Arguments, 2)...)
	id := s.loop.addTimer(delay, interval, func() error {
		_, err := fn(goja.Undefined(), args...)
		return err
	})
	return s.rt.ToValue(id)
}

func (s *Sandbox) fireTimer(st *runState, t *timer) { s.call(st, t.fn) }

// ---------------------------------------------------------------- variables

func (s *Sandbox) scope(id int64) *variables.Scope {
	st := s.cur
	if st == nil {
		return nil
	}
	switch id {
	case scopeGlobals:
		return st.scopes.Globals
	case scopeCollection:
		return st.scopes.Collection
	case scopeEnvironment:
		return st.scopes.Environment
	case scopeData:
		return st.scopes.Data
	default:
		return st.scopes.Local
	}
}

// writeScope is the scope a set, unset or clear of scope id changes.
// Newman keeps a script's changes to pm.iterationData for that script
// alone (the runtime takes back variables, environment, globals and
// collection variables, not the data row): the first such change gives
// the Run its own copy of the data scope, which the script's reads
// (pm.iterationData, pm.variables, replaceIn) then use.
func (s *Sandbox) writeScope(id int64) *variables.Scope {
	if st := s.cur; st != nil && id == scopeData && !st.ownData {
		own := *st.scopes
		own.Data = own.Data.Clone()
		st.scopes, st.ownData = &own, true
	}
	return s.scope(id)
}

// scriptValues are the values the running script set whose JavaScript
// form their stored form does not keep. Newman's sandbox keeps a script's
// variables as JavaScript values while it runs and hands them back as JSON
// when it ends, so the script itself reads back NaN, -0, undefined, Dates
// and the very objects it set, while later scripts, {{name}} and exports
// see null, 0, null, ISO strings and copies. variables.Scope holds the JSON
// form from the set on; these values answer the script's own reads until
// the next Run.
type scriptValues struct {
	st   *runState
	vals map[scriptValueKey]goja.Value
	// types are the types the running script's typed sets
	// (pm.environment.set(key, value, "number")) gave variables. Newman's
	// sandbox casts to such a type for the script's own reads and later
	// sets, but hands the set back without it: later scripts, {{name}}
	// and exports see the value as given, in a variable of the type it
	// had before (none, for a new one).
	types map[scriptValueKey]string
}

type scriptValueKey struct {
	sc  *variables.Scope
	key string
}

// of returns the current Run's values, forgetting an earlier Run's; nil
// when there are none, so that runs that set only strings pay nothing.
func (sv *scriptValues) of(st *runState) map[scriptValueKey]goja.Value {
	if sv.st != st {
		sv.st = st
		clear(sv.vals)
		clear(sv.types)
	}
	if len(sv.vals) == 0 {
		return nil
	}
	return sv.vals
}

// note remembers v as what the script set sc.key to when JSON changes it;
// otherwise it forgets an earlier value of the key.
func (sv *scriptValues) note(st *runState, sc *variables.Scope, key string, v goja.Value) {
	vals := sv.of(st)
	if !keepsJSValue(v) {
		if vals != nil {
			delete(vals, scriptValueKey{sc, key})
		}
		return
	}
	if sv.vals == nil {
		sv.vals = map[scriptValueKey]goja.Value{}
	}
	sv.vals[scriptValueKey{sc, key}] = v
}

// keep remembers v as what the script reads back for sc.key, whatever v
// is: the value a typed set cast, which the scope does not hold.
func (sv *scriptValues) keep(st *runState, sc *variables.Scope, key string, v goja.Value) {
	sv.of(st)
	if sv.vals == nil {
		sv.vals = map[scriptValueKey]goja.Value{}
	}
	sv.vals[scriptValueKey{sc, key}] = v
}

// typeOf returns the type a typed set of the running script gave sc.key.
func (sv *scriptValues) typeOf(st *runState, sc *variables.Scope, key string) (string, bool) {
	sv.of(st)
	typ, ok := sv.types[scriptValueKey{sc, key}]
	return typ, ok
}

func (sv *scriptValues) setType(st *runState, sc *variables.Scope, key, typ string) {
	sv.of(st)
	if sv.types == nil {
		sv.types = map[scriptValueKey]string{}
	}
	sv.types[scriptValueKey{sc, key}] = typ
}

// keepsJSValue reports whether the script must read v back as it set it
// rather than from its JSON form: objects (the same object, and Dates,
// functions and wrappers as such), undefined, NaN, the infinities and -0.
func keepsJSValue(v goja.Value) bool {
	switch {
	case v == nil:
		return false
	case goja.IsUndefined(v):
		return true
	}
	if _, isObj := v.(*goja.Object); isObj {
		return true
	}
	// ExportType, unlike Export, does not box the value: a set of a
	// string, what scripts mostly set, allocates nothing here.
	if v.ExportType() == float64Type {
		f := v.ToFloat()
		return math.IsNaN(f) || math.IsInf(f, 0) || (f == 0 && math.Signbit(f))
	}
	return false
}

var float64Type = reflect.TypeFor[float64]()

// settle stores the final JSON form of the objects st's script set: Newman
// serializes a script's variables when it ends, so an object changed after
// its set (`o.a = 2`, `list.push(x)`) reaches later scripts and exports as
// it was changed.
func (sv *scriptValues) settle(s *Sandbox, st *runState) {
	for k, v := range sv.of(st) {
		if _, isObj := v.(*goja.Object); isObj {
			k.sc.Set(k.key, s.fromJS(v))
		}
	}
}

// read is a kept value as Postman's Variable#get returns it: a function
// is called for its result.
func (s *Sandbox) read(v goja.Value) goja.Value {
	if fn, ok := goja.AssertFunction(v); ok {
		r, err := fn(goja.Undefined())
		if err != nil {
			panic(err)
		}
		return r
	}
	return v
}

func (s *Sandbox) nVarGet(sv *scriptValues, c goja.FunctionCall) goja.Value {
	st := s.cur
	if st == nil {
		return goja.Undefined()
	}
	key := c.Argument(1).String()
	vals := sv.of(st)
	var v any
	var ok bool
	if id := c.Argument(0).ToInteger(); id != scopeAll {
		sc := s.scope(id)
		if v, ok = sc.Get(key); ok && vals != nil {
			if kept, isKept := vals[scriptValueKey{sc, key}]; isKept {
				return s.read(kept)
			}
		}
	} else if vals == nil {
		v, ok = st.scopes.Get(key)
	} else {
		for _, sc := range st.scopes.Ordered() {
			if v, ok = sc.Get(key); ok {
				if kept, isKept := vals[scriptValueKey{sc, key}]; isKept {
					return s.read(kept)
				}
				break
			}
		}
	}
	if !ok {
		return goja.Undefined()
	}
	return s.toJS(v)
}

// nVarSet stores a value, cast to the variable's declared type as
// Postman's Variable does (a "string" variable stores String(value)), in
// its JSON form; see scriptValues.
func (s *Sandbox) nVarSet(sv *scriptValues, c goja.FunctionCall) goja.Value {
	sc := s.writeScope(c.Argument(0).ToInteger())
	if sc == nil {
		return goja.Undefined()
	}
	key := c.Argument(1).String()
	val := c.Argument(2)
	s.noteMutation(c.Argument(0).ToInteger(), key, val)
	var typ string
	t := c.Argument(3)
	scriptTyped := !goja.IsUndefined(t) && !goja.IsNull(t)
	if scriptTyped {
		typ = strings.ToLower(t.String())
		sv.setType(s.cur, sc, key, typ)
	} else if typ, scriptTyped = sv.typeOf(s.cur, sc, key); !scriptTyped {
		typ = sc.Type(key)
	}
	js := s.castIn(typ, val)
	if scriptTyped {
		// The type is the script's alone (see scriptValues.types): the
		// scope gets the value as given.
		sv.keep(s.cur, sc, key, js)
		sc.Set(key, s.fromJS(val))
		return goja.Undefined()
	}
	sv.note(s.cur, sc, key, js)
	if typ == "object" || typ == "array" {
		// The scope stores the JSON text and parses it on reads; js is
		// already the parsed form.
		js = val
	}
	if goja.IsUndefined(js) && s.cur != nil && sc == s.cur.scopes.Local {
		// Newman hands local variables to later scripts with undefined
		// kept: pm.variables.get reads undefined and {{name}} is empty,
		// where the other scopes, sent as JSON, read null and "null".
		sc.Set(key, collections.Undefined{})
		return goja.Undefined()
	}
	sc.Set(key, s.fromJS(js))
	return goja.Undefined()
}

// castIn is v cast to a variable type as Postman's Variable.types cast it.
func (s *Sandbox) castIn(typ string, v goja.Value) goja.Value {
	switch typ {
	case "string":
		if goja.IsUndefined(v) {
			return s.rt.ToValue("undefined")
		}
		if goja.IsNull(v) {
			return s.rt.ToValue("null")
		}
		return s.rt.ToValue(v.String())
	case "number":
		return s.rt.ToValue(v.ToFloat())
	case "boolean":
		return s.rt.ToValue(v.ToBoolean())
	case "object", "array":
		// JSON text, parsed as the variable's reads parse it: a copy, or
		// undefined when it is not an object (an array).
		return s.toJS(variables.Entry{Type: typ, Value: variables.Cast(typ, s.fromJS(v))}.Read())
	}
	return v
}

func (s *Sandbox) nVarUnset(sv *scriptValues, c goja.FunctionCall) goja.Value {
	if sc := s.writeScope(c.Argument(0).ToInteger()); sc != nil {
		key := c.Argument(1).String()
		s.noteMutation(c.Argument(0).ToInteger(), key, nil)
		if vals := sv.of(s.cur); vals != nil {
			delete(vals, scriptValueKey{sc, key})
		}
		delete(sv.types, scriptValueKey{sc, key})
		sc.Unset(key)
	}
	return goja.Undefined()
}

func (s *Sandbox) nVarHas(c goja.FunctionCall) goja.Value {
	st := s.cur
	if st == nil {
		return s.rt.ToValue(false)
	}
	key := c.Argument(1).String()
	if c.Argument(0).ToInteger() == scopeAll {
		_, ok := st.scopes.Get(key)
		return s.rt.ToValue(ok)
	}
	return s.rt.ToValue(s.scope(c.Argument(0).ToInteger()).Has(key))
}

func (s *Sandbox) nVarClear(sv *scriptValues, c goja.FunctionCall) goja.Value {
	if sc := s.writeScope(c.Argument(0).ToInteger()); sc != nil {
		for k := range sv.of(s.cur) {
			if k.sc == sc {
				delete(sv.vals, k)
			}
		}
		for k := range sv.types {
			if k.sc == sc {
				delete(sv.types, k)
			}
		}
		// Postman's clear tracks an unset of every variable it removes,
		// disabled ones included, so toJSON's mutations list them.
		for _, e := range sc.Entries() {
			if !e.Unnamed {
				s.noteMutation(c.Argument(0).ToInteger(), e.Key, nil)
			}
		}
		sc.Clear()
	}
	return goja.Undefined()
}

// mutation is a set (value non-nil) or unset of a variable by the
// running script, which Postman's scopes (all but the data's) keep and
// show in toJSON as mutations.compacted.
type mutation struct {
	scope int64
	key   string
	value goja.Value
}

func (s *Sandbox) noteMutation(scope int64, key string, value goja.Value) {
	if st := s.cur; st != nil && scope != scopeData {
		st.mutations = append(st.mutations, mutation{scope, key, value})
	}
}

// nVarMutations is mutations.compacted of a scope: each key the running
// script set or unset, in the order of its first change, with its last,
// as [key, value] (the value as given) or [key].
func (s *Sandbox) nVarMutations(c goja.FunctionCall) goja.Value {
	o := s.rt.NewObject()
	st := s.cur
	if st == nil {
		return o
	}
	scope := c.Argument(0).ToInteger()
	for _, m := range st.mutations {
		if m.scope != scope {
			continue
		}
		entry := []any{m.key}
		if m.value != nil {
			entry = append(entry, m.value)
		}
		_ = o.Set(m.key, s.rt.NewArray(entry...))
	}
	return o
}

// value is an entry's value as the running script reads it: what it set
// the entry to, or else the stored value.
func (s *Sandbox) value(vals map[scriptValueKey]goja.Value, sc *variables.Scope, e variables.Entry) goja.Value {
	if vals != nil {
		if kept, ok := vals[scriptValueKey{sc, e.Key}]; ok {
			return kept
		}
	}
	return s.toJS(e.ScriptValue())
}

// nVarToObject returns a scope's variables as an object; for pm.variables
// the scopes are merged, higher precedence winning. As in Postman,
// disabled entries are in it too, each key holding its last entry's value,
// so it can show a value that get skips.
func (s *Sandbox) nVarToObject(sv *scriptValues, c goja.FunctionCall) goja.Value {
	o := s.rt.NewObject()
	st := s.cur
	if st == nil {
		return o
	}
	vals := sv.of(st)
	var scopes []*variables.Scope
	if c.Argument(0).ToInteger() == scopeAll {
		ordered := st.scopes.Ordered()
		for i := len(ordered) - 1; i >= 0; i-- {
			scopes = append(scopes, ordered[i])
		}
	} else {
		scopes = []*variables.Scope{s.scope(c.Argument(0).ToInteger())}
	}
	for _, sc := range scopes {
		for _, e := range sc.Entries() {
			if e.Unnamed {
				// Newman's toObject lists variables by key only.
				continue
			}
			v := s.value(vals, sc, e)
			if vals != nil {
				v = s.read(v)
			}
			_ = o.Set(e.Key, v)
		}
	}
	return o
}

// nVarEntries lists a scope's variables as Postman's Variable.toJSON
// writes them: disabled (only when true), type ("any" when none), value
// (not when undefined) and key, in that order. Scope -1 is the local one, pm.variables' own.
func (s *Sandbox) nVarEntries(sv *scriptValues, c goja.FunctionCall) goja.Value {
	sc := s.scope(c.Argument(0).ToInteger())
	vals := sv.of(s.cur)
	var items []any
	for _, e := range sc.Entries() {
		o := s.rt.NewObject()
		if e.Unnamed {
			// An entry read without a key keeps its id and name, as
			// postman-collection's Variable holds them, and gets no key.
			if e.ID != "" {
				_ = o.Set("id", e.ID)
			}
			if e.Name != "" {
				_ = o.Set("name", e.Name)
			}
		}
		if e.Disabled {
			_ = o.Set("disabled", true)
		}
		typ := e.Type
		if t, ok := sv.typeOf(s.cur, sc, e.Key); ok {
			// The type a typed set gave it, which lasts for this script.
			typ = t
		}
		if typ == "" {
			typ = "any"
		}
		_ = o.Set("type", typ)
		if v := s.value(vals, sc, e); !goja.IsUndefined(v) {
			// Variable.toJSON leaves an undefined value out.
			_ = o.Set("value", v)
		}
		if !e.Unnamed {
			_ = o.Set("key", e.Key)
		}
		items = append(items, o)
	}
	return s.rt.NewArray(items...)
}

// nVarReplaceIn resolves {{variables}} in a string, or in every string of
// an object, against one scope (or all of them for pm.variables) and the
// dynamic variables. A cycle leaves the text as it was.
func (s *Sandbox) nVarReplaceIn(sv *scriptValues, c goja.FunctionCall) goja.Value {
	st := s.cur
	tpl := c.Argument(1)
	if st == nil {
		return tpl
	}
	scopes := st.scopes
	if id := c.Argument(0).ToInteger(); id != scopeAll {
		scopes = &variables.Scopes{Local: s.scope(id), Dynamic: st.scopes.Dynamic}
	}
	if vals := sv.of(st); vals != nil {
		scopes = s.withScriptValues(scopes, vals)
	}
	r := variables.NewResolver(scopes)
	// Postman's replaceIn reads data as variables, where null is "null";
	// only the request's substitution leaves a data null as {{name}}.
	r.DataNullAsText = true
	r.ScriptValues = true
	if str, ok := tpl.Export().(string); ok {
		return s.rt.ToValue(r.MustReplace(str))
	}
	if _, isObj := tpl.(*goja.Object); !isObj {
		return tpl
	}
	return s.toJS(replaceDeep(r, s.fromJS(tpl)))
}

// withScriptValues is scopes with the values the running script set
// standing as the script's own replaceIn substitutes them: as String(v)
// ("NaN", a Date's long form), undefined as nothing.
func (s *Sandbox) withScriptValues(scopes *variables.Scopes, vals map[scriptValueKey]goja.Value) *variables.Scopes {
	out := *scopes
	for _, p := range []**variables.Scope{&out.Globals, &out.Collection, &out.Environment, &out.Data, &out.Local} {
		sc := *p
		var clone *variables.Scope
		for k, v := range vals {
			if k.sc != sc || sc == nil {
				continue
			}
			if clone == nil {
				clone = sc.Clone()
			}
			var text any = collections.Undefined{}
			if v = s.read(v); !goja.IsUndefined(v) {
				text = v.String()
			}
			// As text, whatever the variable's type: an "object" one
			// would store "[object Object]" as JSON and read nothing.
			clone.SetEntry(variables.Entry{Key: k.key, Value: text, Type: "any"})
		}
		if clone != nil {
			*p = clone
		}
	}
	return &out
}

func replaceDeep(r *variables.Resolver, v any) any {
	switch x := v.(type) {
	case string:
		return r.MustReplace(x)
	case []any:
		for i := range x {
			x[i] = replaceDeep(r, x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = replaceDeep(r, x[k])
		}
	}
	return v
}

// ---------------------------------------------------------------- info, url, response

func (s *Sandbox) nInfo(goja.FunctionCall) goja.Value {
	o := s.rt.NewObject()
	st := s.cur
	if st == nil {
		return o
	}
	in := st.exec.Info
	name := st.eventName()
	_ = o.Set("eventName", name)
	_ = o.Set("iteration", in.Iteration)
	_ = o.Set("iterationCount", in.IterationCount)
	_ = o.Set("requestName", nameValue(in.RequestName))
	_ = o.Set("requestId", in.RequestID)
	location := make([]any, len(in.Location))
	for i, n := range in.Location {
		location[i] = nameValue(n)
	}
	_ = o.Set("location", s.rt.NewArray(location...))
	_ = o.Set("current", nameValue(in.Current))
	return o
}

// nameValue is an item's name as scripts see it: Newman hands them the
// item's name property, undefined for an item that has none.
func nameValue(name string) any {
	if name == "" {
		return goja.Undefined()
	}
	return name
}

// eventName is pm.info.eventName: the event the runner names, or else
// the script's listen.
func (st *runState) eventName() string {
	if n := st.exec.Info.EventName; n != "" {
		return n
	}
	return st.listen
}

// nInfoObject builds pm.info: the info fields as read-only, hidden
// properties, as Postman defines them.
func (s *Sandbox) nInfoObject(goja.FunctionCall) goja.Value {
	rt := s.rt
	o := rt.NewObject()
	st := s.cur
	if st == nil {
		return o
	}
	in := st.exec.Info
	name := st.eventName()
	def := func(k string, v goja.Value) {
		_ = o.DefineDataProperty(k, v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	def("eventName", rt.ToValue(name))
	def("iteration", rt.ToValue(in.Iteration))
	def("iterationCount", rt.ToValue(in.IterationCount))
	def("requestName", rt.ToValue(nameValue(in.RequestName)))
	def("requestId", rt.ToValue(in.RequestID))
	return o
}

// parsedURL splits a URL string as postman-url-encoder does, into the
// object form Url#update takes.
func (s *Sandbox) parsedURL(raw string) goja.Value {
	u := collections.ParseURL(raw)
	o := s.urlPlain(u)
	// The parser reports ":name" path variables without values; Postman
	// leaves `variable` undefined when there are none.
	if len(u.Variables) == 0 {
		_ = o.Delete("variable")
	}
	return o
}

// nBodyText decodes a received Response's body as Postman does: with the
// charset of its Content-Type (Latin-1 family or UTF-8), invalid UTF-8
// replaced. It is undefined for a Response a script made.
func (s *Sandbox) nBodyText(c goja.FunctionCall) goja.Value {
	r := s.sourceOf(c.Argument(0))
	if r == nil {
		return goja.Undefined()
	}
	rc := s.cacheFor(r)
	if rc.textVal == nil {
		rc.textVal = s.rt.ToValue(s.bodyText(rc))
	}
	return rc.textVal
}

// containsFold reports whether s contains the lower-case ASCII word,
// ignoring ASCII case.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for ; j < len(word); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != word[j] {
				break
			}
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// nContentInfo describes a response as postman-collection 4.4's
// contentInfo does: its Content-Type (or, without one, the type file-type
// finds in the body's first bytes) classified by mime-format (JSON and XML
// are "text"), the charset mime-format finds, and the file name its
// Content-Disposition gives, "response" plus the extension otherwise.
// Arguments: the Content-Type and Content-Disposition values, and the
// Response whose body is sniffed.
func (s *Sandbox) nContentInfo(c goja.FunctionCall) goja.Value {
	o := s.rt.NewObject()
	ct := c.Argument(0).String()
	ext := ""
	if ct == "" {
		if r := s.sourceOf(c.Argument(2)); r != nil {
			ct, ext = sniffFileType(r.Body)
		}
	}
	if ct == "" {
		ct = "text/plain"
	}
	source := strings.ToLower(strings.Join(strings.Fields(strings.Split(ct, ";")[0]), ""))
	typ, format := guessMime(source)
	if known, ok := mimeFormatExceptions[source]; ok {
		typ, format = known[0], known[1]
	}
	charset := charsetName(ct)
	if charset == "" || charset == "utf-8" {
		charset = "utf8"
	}
	if ext == "" {
		ext = mimeExtensions[source]
	}
	_ = o.Set("contentType", source)
	_ = o.Set("mimeType", typ)
	_ = o.Set("mimeFormat", format)
	_ = o.Set("charset", charset)
	name := dispositionFileName(c.Argument(1).String())
	if ext != "" {
		_ = o.Set("fileExtension", ext)
	}
	if name == "" {
		name = "response"
		if ext != "" {
			name += "." + ext
		}
	}
	_ = o.Set("fileName", name)
	return o
}

// mimeFormatExceptions are the media types mime-format's table classifies
// otherwise than its guess does (the rest of its table agrees with the
// guess): as [type, format].
var mimeFormatExceptions = map[string][2]string{
	"application/pdf":                                       {"embed", "pdf"},
	"application/jwt":                                       {"text", "jwt"},
	"application/ogg":                                       {"audio", "ogg"},
	"application/x-www-form-urlencoded":                     {"text", "plain"},
	"application/xhtml+xml":                                 {"text", "xml"},
	"application/xhtml-voice+xml":                           {"text", "xml"},
	"application/vnd.pwg-xhtml-print+xml":                   {"text", "xml"},
	"application/vnd.oipf.dae.xhtml+xml":                    {"text", "xml"},
	"application/vnd.oma.poc.invocation-descriptor+xml":     {"text", "xml"},
	"application/mbms-associated-procedure-description+xml": {"text", "xml"},
	"application/mbms-protection-description+xml":           {"text", "xml"},
	"application/mbms-user-service-description+xml":         {"text", "xml"},
}

// sniffFileType is file-type 3.9's answer for the common formats an API
// sends without a Content-Type, checked in its order: the media type and
// extension, or "" for a body it does not recognise (then text/plain).
func sniffFileType(b []byte) (mime, ext string) {
	at := func(i int, sig ...byte) bool {
		return len(b) >= i+len(sig) && bytes.Equal(b[i:i+len(sig)], sig)
	}
	switch {
	case at(0, 0xFF, 0xD8, 0xFF):
		return "image/jpeg", "jpg"
	case at(0, 0x89, 'P', 'N', 'G'):
		return "image/png", "png"
	case at(0, 'G', 'I', 'F'):
		return "image/gif", "gif"
	case at(8, 'W', 'E', 'B', 'P'):
		return "image/webp", "webp"
	case at(0, 'I', 'I', 0x2A, 0), at(0, 'M', 'M', 0, 0x2A):
		return "image/tiff", "tif"
	case at(0, 'B', 'M'):
		return "image/bmp", "bmp"
	case len(b) >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7) && (b[3] == 4 || b[3] == 6 || b[3] == 8):
		return "application/zip", "zip"
	case at(0, 0x1F, 0x8B, 0x08):
		return "application/gzip", "gz"
	case at(0, 'B', 'Z', 'h'):
		return "application/x-bzip2", "bz2"
	case at(0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C):
		return "application/x-7z-compressed", "7z"
	case at(0, '%', 'P', 'D', 'F'):
		return "application/pdf", "pdf"
	}
	return "", ""
}

// The Content-Disposition patterns of postman-collection's content-info:
// filename*=<charset>'<language>'<percent-encoded>, and filename= as a
// token or a quoted string (\x80-\xff: a header's bytes as Node reads
// them, one character each). Both are case-sensitive, as there; the
// first match is JavaScript's exec's, the leftmost, as Go finds it.
var (
	reEncodedFileName = regexp.MustCompile(`;[ \t]*filename\*[ \t]*=[ \t]*([A-Za-z0-9!#$%&+\-^_\x60{}~]+)'.*'((?:%[0-9A-Fa-f]{2}|[A-Za-z0-9!#$&+.^_\x60|~-])+)[ \t]*`)
	reFileName        = regexp.MustCompile(`;[ \t]*filename[ \t]*=[ \t]*("(?:[\x20!\x{23}-\x{5b}\x{5d}-\x{7e}\x{80}-\x{ff}]|\\[\x20-\x7e])*"|[!#$%&'*+.0-9A-Z^_\x60a-z|~-]+)[ \t]*`)
	reQuotedPair      = regexp.MustCompile(`\\([ -~])`)
	reHexByte         = regexp.MustCompile(`%([0-9A-Fa-f]{2})`)
)

// dispositionFileName is the file name a Content-Disposition value gives,
// as postman-collection finds it: filename* first when its charset is
// "utf-8" or "iso-8859-1" (exactly so: "UTF-8" is not one), then
// filename=, unquoted; "" for none.
func dispositionFileName(v string) string {
	if m := reEncodedFileName.FindStringSubmatch(v); m != nil {
		// Each %XX is one byte; the rest of the value is ASCII.
		raw := reHexByte.ReplaceAllStringFunc(m[2], func(h string) string {
			n, _ := strconv.ParseUint(h[1:], 16, 8)
			return string([]byte{byte(n)})
		})
		name := ""
		switch m[1] {
		case "iso-8859-1":
			// Each byte one character, those past Latin-1's printable
			// ones '?'.
			runes := make([]rune, len(raw))
			for i := range len(raw) {
				r := rune(raw[i])
				if r < 0x20 || r > 0x7e && r < 0xa0 {
					r = '?'
				}
				runes[i] = r
			}
			name = string(runes)
		case "utf-8":
			// Buffer.from(text, 'binary').toString('utf8').
			name = strings.ToValidUTF8(raw, "\uFFFD")
		}
		if name != "" {
			return name
		}
	}
	m := reFileName.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	name := m[1]
	if name[0] == '"' {
		name = reQuotedPair.ReplaceAllString(name[1:len(name)-1], "$1")
	}
	return name
}

var (
	reMediaBase   = regexp.MustCompile(`(audio|video|image|text)`)
	reTextSibling = regexp.MustCompile(`(jsonp|json|xml|html|yaml|vml|webml|script)`)
	reMediaSub    = regexp.MustCompile(`/[^/]*(audio|video|image|text)`)
	reAppBase     = regexp.MustCompile(`(application|message|multipart)`)
)

// guessMime classifies a media type as mime-format's guess does.
func guessMime(m string) (typ, format string) {
	base, _, _ := strings.Cut(m, "/")
	if x := reMediaBase.FindStringSubmatch(base); x != nil {
		if x[1] == "text" {
			if y := reTextSibling.FindStringSubmatch(m); y != nil {
				return "text", y[1]
			}
			return "text", "plain"
		}
		return x[1], x[1]
	}
	if y := reTextSibling.FindStringSubmatch(m); y != nil {
		return "text", y[1]
	}
	if x := reMediaSub.FindStringSubmatch(m); x != nil {
		return x[1], x[1]
	}
	if x := reAppBase.FindStringSubmatch(base); x != nil {
		return x[1], "raw"
	}
	return "unknown", "raw"
}

// mimeExtensions are the file extensions mime-types gives the media types
// APIs answer with; others get none, so the file name is "response".
var mimeExtensions = map[string]string{
	"application/json": "json", "application/xml": "xml", "text/xml": "xml", "text/html": "html",
	"text/plain": "txt", "text/csv": "csv", "text/css": "css", "application/javascript": "js",
	"text/javascript": "js", "application/pdf": "pdf", "application/zip": "zip", "application/gzip": "gz",
	"application/octet-stream": "bin", "image/png": "png", "image/jpeg": "jpeg", "image/gif": "gif",
	"image/svg+xml": "svg", "image/webp": "webp", "audio/mpeg": "mpga", "video/mp4": "mp4",
	"application/x-yaml": "yaml", "text/yaml": "yaml", "application/rtf": "rtf", "text/markdown": "md",
}

// ---------------------------------------------------------------- async: sendRequest, cookie jar

// nSend performs pm.sendRequest on its own goroutine; the callback runs
// on the loop when the response (or error) is back.
func (s *Sandbox) nSend(c goja.FunctionCall) goja.Value {
	st := s.cur
	cb, _ := goja.AssertFunction(c.Argument(1))
	if st == nil || cb == nil {
		return goja.Undefined()
	}
	req := requestFromExport(c.Argument(0).Export())
	if req.Method == "" {
		req.Method = "GET"
	}
	st.pendingOps++
	gen := s.loop.token()
	send, ctx := s.opts.Send, st.context()
	go func() {
		resp, err := safeSend(ctx, send, req)
		s.loop.post(gen, func() error {
			st.pendingOps--
			st.res.Sent = append(st.res.Sent, Sent{Response: resp, Err: err, Console: len(st.res.Console), Assertions: len(st.order)})
			if err != nil {
				_, e := cb(goja.Undefined(), s.requestError(err), goja.Undefined())
				return e
			}
			// Newman's sendRequest response has no cookies, whatever
			// Set-Cookie said (they went to the jar).
			_, e := cb(goja.Undefined(), goja.Null(), s.responsePlain(resp, nil))
			return e
		})
	}()
	return goja.Undefined()
}

// requestError describes a failed pm.sendRequest as Node does, since
// scripts test err.code. An error with a Code() method (the runner's
// transport errors) gives its own code and message; otherwise a network
// error is worded as Node words it ("connect ECONNREFUSED 127.0.0.1:9",
// "getaddrinfo ENOTFOUND host"), and anything else keeps Go's message.
func (s *Sandbox) requestError(err error) *goja.Object {
	msg, code, syscallName := err.Error(), "", ""
	var dns *net.DNSError
	var op *net.OpError
	var errno syscall.Errno
	var coded interface{ Code() string }
	switch {
	case errors.As(err, &coded) && coded.Code() != "":
		code = coded.Code()
	case errors.As(err, &dns):
		code, syscallName = "ENOTFOUND", "getaddrinfo"
		if !dns.IsNotFound {
			code = "EAI_AGAIN"
		}
		msg = syscallName + " " + code + " " + dns.Name
	case errors.As(err, &errno) && nodeErrno[errno] != "":
		code = nodeErrno[errno]
		syscallName = "read"
		if errors.As(err, &op) && op.Op == "dial" {
			syscallName = "connect"
		}
		msg = syscallName + " " + code
		if op != nil && op.Addr != nil && syscallName == "connect" {
			msg += " " + op.Addr.String()
		}
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		code, msg = "ETIMEDOUT", "ETIMEDOUT"
	}
	obj := s.newError("Error", msg)
	var node interface{ NodeFields() event.NodeError }
	if errors.As(err, &node) {
		// The runner's transport errors know all of Node's properties,
		// which Newman's err has, in Node's order.
		f := node.NodeFields()
		for _, p := range []struct {
			name string
			v    any
			ok   bool
		}{
			{"errno", f.Errno, f.Errno != 0}, {"code", f.Code, f.Code != ""}, {"syscall", f.Syscall, f.Syscall != ""},
			{"address", f.Address, f.Address != ""}, {"port", f.Port, f.Port != 0}, {"hostname", f.Hostname, f.Hostname != ""},
			{"connect", f.Connect != nil && *f.Connect, f.Connect != nil},
		} {
			if p.ok {
				_ = obj.Set(p.name, p.v)
			}
		}
		return obj
	}
	if code != "" {
		_ = obj.Set("code", code)
		if syscallName != "" {
			_ = obj.Set("syscall", syscallName)
		}
	}
	return obj
}

var nodeErrno = map[syscall.Errno]string{
	syscall.ECONNREFUSED: "ECONNREFUSED",
	syscall.ECONNRESET:   "ECONNRESET",
	syscall.EHOSTUNREACH: "EHOSTUNREACH",
	syscall.ENETUNREACH:  "ENETUNREACH",
	syscall.EPIPE:        "EPIPE",
	syscall.ETIMEDOUT:    "ETIMEDOUT",
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func safeSend(ctx context.Context, send func(context.Context, *collections.Request) (*event.Response, error), req *collections.Request) (resp *event.Response, err error) {
	if send == nil {
		return nil, errors.New("pm.sendRequest is not available in this run")
	}
	defer func() {
		if p := recover(); p != nil {
			resp, err = nil, fmt.Errorf("pm.sendRequest: %v", p)
		}
	}()
	resp, err = send(ctx, req)
	if err == nil && resp == nil {
		err = errors.New("pm.sendRequest: no response")
	}
	return resp, err
}

// nJar runs a pm.cookies.jar() operation against Options.Jar and answers
// through the loop, as Postman's jar answers asynchronously.
func (s *Sandbox) nJar(c goja.FunctionCall) goja.Value {
	st := s.cur
	if st == nil {
		return goja.Undefined()
	}
	cb, _ := goja.AssertFunction(c.Argument(3))
	result, err := s.jarOp(c.Argument(0).String(), c.Argument(1).String(), c.Argument(2))
	st.pendingOps++
	s.loop.post(s.loop.token(), func() error {
		st.pendingOps--
		if cb == nil {
			return nil
		}
		var e error
		if err != nil {
			_, e = cb(goja.Undefined(), s.newError("Error", err.Error()))
		} else {
			_, e = cb(goja.Undefined(), goja.Null(), result)
		}
		return e
	})
	return goja.Undefined()
}

// ---------------------------------------------------------------- assertions, console

// nAssertion records a finished test: (index, name, skipped, error|null).
func (s *Sandbox) nAssertion(c goja.FunctionCall) goja.Value {
	st := s.cur
	if st == nil {
		return goja.Undefined()
	}
	i := int(c.Argument(0).ToInteger())
	sl := st.slot(i)
	a := event.Assertion{Name: c.Argument(1).String(), Skipped: c.Argument(2).ToBoolean()}
	// The fifth argument says the test threw (or passed done() or a
	// rejection) the fourth, which may then be null or undefined.
	if errVal := c.Argument(3); c.Argument(4).ToBoolean() || (!goja.IsNull(errVal) && !goja.IsUndefined(errVal)) {
		a.Error = s.assertionError(errVal, a.Name)
	}
	if sl.set {
		// The sixth argument asks for a report of a test reported
		// already: a done() test's later done() or throw, which Newman
		// reports each time.
		if c.Argument(5).ToBoolean() {
			a.Index = i
			st.repeats = append(st.repeats, a)
			st.order = append(st.order, -len(st.repeats))
		}
		return goja.Undefined()
	}
	sl.set = true
	st.place(i)
	sl.a = a
	return goja.Undefined()
}

// assertionError describes what a failing test threw: chai's
// AssertionError, any other error, or any value at all. Newman reads the
// name and message off it with defaults (lodash's _.get(error, 'name',
// 'AssertionError') and _.get(error, 'message', testName) in its run
// module), so a thrown string, number, null or plain object fails as an
// AssertionError named after the test unless it carries its own.
func (s *Sandbox) assertionError(v goja.Value, testName string) *event.AssertionError {
	ae := &event.AssertionError{Name: "AssertionError", Message: testName}
	obj, ok := v.(*goja.Object)
	if !ok {
		return ae
	}
	if n := obj.Get("name"); n != nil && !goja.IsUndefined(n) {
		ae.Name = n.String()
	}
	if m := obj.Get("message"); m != nil && !goja.IsUndefined(m) {
		ae.Message = m.String()
	}
	// An error from the engine inside a test ("x is not a function")
	// gets V8's wording too; its position is in the error's stack.
	if v8, ok := v8Wording[ae.Message]; ok && ae.Name != "AssertionError" {
		ae.Message = v8
	} else if st := s.cur; st != nil && ae.Name == "TypeError" {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) {
			if line, col := positionInStack(stack.String(), st.script.file); line > 0 {
				if line == 1 {
					col -= st.script.prefixLen
				}
				ae.Message = s.v8Message(ae.Message, st.script, line, col)
			}
		}
	}
	return ae
}

// console records one console call; each argument is rendered as
// Newman's CLI renders it (see Result.Console).
func (s *Sandbox) console(level string, args []goja.Value) {
	st := s.cur
	if st == nil {
		return
	}
	msgs := make([]string, len(args))
	for i, a := range args {
		msgs[i] = s.inspectArg(a)
	}
	// Tests placed so far are reported before this line; one still
	// running (this call may come from inside it) or waiting on done()
	// after it.
	st.res.Console = append(st.res.Console, event.Console{Level: level, Messages: msgs})
	st.res.ConsoleAt = append(st.res.ConsoleAt, len(st.order))
}

// newUUID returns a random (version 4) UUID, as postman-collection gives
// every Response an id.
func newUUID() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], rand.Uint64())
	binary.LittleEndian.PutUint64(b[8:], rand.Uint64())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:16])
	return string(out[:])
}
