package sandbox

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/dop251/goja"

	"github.com/colrun/colrun/runner/event"
)

// scriptError converts what a goja call returned into the error Newman
// would show: the thrown error's name and message (V8's wording for the
// common TypeErrors), and the line in the user's script where it was thrown.
//
// A script that throws a falsy value (`throw null`, `throw 0`, an empty
// string) stops there but has not failed in Newman 6.2.2, which tests the
// error for truth: for a user's script (script not nil) that gives nil.
func (s *Sandbox) scriptError(err error, script *Script) *event.ScriptError {
	var ex *goja.Exception
	var so *goja.StackOverflowError
	switch {
	case errors.As(err, &so):
		return &event.ScriptError{Name: "RangeError", Message: "Maximum call stack size exceeded"}
	case errors.As(err, &ex):
	default:
		return &event.ScriptError{Name: "Error", Message: err.Error()}
	}
	val := ex.Value()
	if script != nil && (val == nil || !val.ToBoolean()) {
		return nil
	}
	return s.errorFromValue(val, ex.Stack(), script)
}

// errorFromValue describes a thrown or rejected value. The position comes
// from the stack frames of the throw when there are any (a synchronous
// throw), else from the error's own stack text (a rejection).
func (s *Sandbox) errorFromValue(val goja.Value, frames []goja.StackFrame, script *Script) *event.ScriptError {
	se := &event.ScriptError{Name: "Error"}
	if obj, ok := val.(*goja.Object); ok && isErrorLike(obj) {
		if n := obj.Get("name"); n != nil && !goja.IsUndefined(n) {
			se.Name = n.String()
		}
		if m := obj.Get("message"); m != nil && !goja.IsUndefined(m) {
			se.Message = m.String()
		}
		if st := obj.Get("stack"); st != nil && !goja.IsUndefined(st) {
			se.Stack = st.String()
		}
	} else if val != nil && !goja.IsUndefined(val) {
		// Newman shows an empty error for `throw "text"`; the text is what
		// the author meant to say.
		se.Message = val.String()
	}
	if script == nil {
		return se
	}
	for _, f := range frames {
		if f.SrcName() != script.file {
			continue
		}
		if p := f.Position(); p.Line > 0 {
			se.Line, se.Column = p.Line, p.Column
			break
		}
	}
	if se.Line == 0 && se.Stack != "" {
		se.Line, se.Column = positionInStack(se.Stack, script.file)
	}
	se.Stack = scriptStack(se.Stack, script, s.files)
	if se.Line == 1 {
		se.Column -= script.prefixLen
	}
	if se.Line > 0 && se.Column < 1 {
		se.Column = 1
	}
	if msg := v8Message(se.Message, script.Source, se.Line, se.Column); msg != se.Message {
		// The stack's first line repeats the message: it gets V8's words
		// too, so reports show one wording.
		if head := se.Name + ": " + se.Message; strings.HasPrefix(se.Stack, head) {
			se.Stack = se.Name + ": " + msg + se.Stack[len(head):]
		}
		se.Message = msg
	}
	return se
}

// positionInStack finds the first "name:line:col" of a goja stack text.
func positionInStack(stack, name string) (int, int) {
	i := strings.Index(stack, name+":")
	if i < 0 {
		return 0, 0
	}
	rest := stack[i+len(name)+1:]
	var line, col int
	if _, err := fmt.Sscanf(rest, "%d:%d", &line, &col); err != nil {
		return 0, 0
	}
	return line, col
}

// isErrorLike reports whether a thrown object carries a name and message,
// as Error instances and chai's AssertionError do.
func isErrorLike(obj *goja.Object) bool {
	if obj.ClassName() == "Error" {
		return true
	}
	m := obj.Get("message")
	return m != nil && !goja.IsUndefined(m)
}

var (
	reReadProp = regexp.MustCompile(`^Cannot read property '(.*)' of (undefined|null)(?: or null)?$`)
	reNoMember = regexp.MustCompile(`^Object has no member '(.*)'$`)
	reNotObj   = regexp.MustCompile(`^Value is not an object: `)
	// reNotFunc is goja's message for calling a chai property as a
	// method: the assertion is a Go-backed object (chai/assertion.go), or
	// a Proxy over a non-function.
	reNotFunc = regexp.MustCompile(`^(?:Dynamic object is not callable|proxy target is not a function)$`)
)

// v8Message rewords goja's runtime messages as V8 (and so Newman) words
// them, where that is cheap: property reads on undefined, and calls of
// something that is not a function, whose callee is read back from the
// source at the error's position. Other messages keep goja's wording.
func v8Message(msg, src string, line, col int) string {
	if m := reReadProp.FindStringSubmatch(msg); m != nil {
		return "Cannot read properties of " + m[2] + " (reading '" + m[1] + "')"
	}
	if msg == "Cannot convert undefined or null to object" {
		if name, ok := assignedMember(src, line, col); ok {
			return "Cannot set properties of undefined (setting '" + name + "')"
		}
		return msg
	}
	if reNoMember.MatchString(msg) || reNotObj.MatchString(msg) || reNotFunc.MatchString(msg) {
		if callee, ok := calleeAt(src, line, col); ok {
			return callee + " is not a function"
		}
	}
	return msg
}

// calleeAt returns the expression called at the `(` found at line:col, such
// as `pm.foo` in `pm.foo()`, as V8 names it in "is not a function".
func calleeAt(src string, line, col int) (string, bool) {
	text := lineText(src, line)
	i := col - 1
	if i <= 0 || i >= len(text) || text[i] != '(' {
		return "", false
	}
	end := i
	depth := 0
	j := i - 1
	for ; j >= 0; j-- {
		c := text[j]
		switch {
		case c == ']' || c == ')':
			depth++
		case c == '[' || c == '(':
			if depth == 0 {
				goto done
			}
			depth--
		case depth > 0:
		case isIdentByte(c) || c == '.' || c == '?':
		default:
			goto done
		}
	}
done:
	callee := strings.TrimSpace(text[j+1 : end])
	callee = strings.TrimPrefix(callee, "?.")
	if callee == "" || depth != 0 {
		return "", false
	}
	return elideArguments(callee), true
}

// elideArguments replaces the arguments of calls inside a callee with
// "...", as V8 prints `pm.expect(...).to.be.ok is not a function`.
func elideArguments(callee string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(callee); i++ {
		c := callee[i]
		switch {
		case c == '(':
			if depth == 0 {
				b.WriteString("(...)")
			}
			depth++
		case c == ')':
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// assignedMember returns the property name written at line:col in an
// assignment such as `o.x.y = 1`, where goja reports the failure.
func assignedMember(src string, line, col int) (string, bool) {
	text := lineText(src, line)
	i := col - 1
	if i <= 0 || i >= len(text) || text[i-1] != '.' {
		return "", false
	}
	j := i
	for j < len(text) && isIdentByte(text[j]) {
		j++
	}
	if j == i {
		return "", false
	}
	rest := strings.TrimLeft(text[j:], " \t")
	if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
		return "", false
	}
	return text[i:j], true
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
