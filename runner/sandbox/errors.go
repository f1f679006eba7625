package sandbox

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"

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
	se.Message, se.Stack = s.v8Words(se.Name, se.Message, se.Stack, script, se.Line, se.Column)
	return se
}

// v8Words is v8Message of msg, and stack with its first line, which
// repeats the message, in the same words, so that one wording shows.
func (s *Sandbox) v8Words(name, msg, stack string, script *Script, line, col int) (string, string) {
	v8 := nativeCallbackMessage(msg, stack)
	switch {
	case v8 != "":
	case nativeMethodOnTop(stack) && (reNotObj.MatchString(msg) || reNotFunc.MatchString(msg) || msg == "Value is not a constructor"):
		// A built-in refused what it was given (Reflect.ownKeys(1)): the
		// call's position names the built-in, which is a function.
		v8 = msg
	default:
		v8 = s.v8Message(msg, script, line, col)
	}
	if v8 == msg {
		return msg, stack
	}
	if head := name + ": " + msg; strings.HasPrefix(stack, head) {
		stack = name + ": " + v8 + stack[len(head):]
	}
	return v8, stack
}

// caughtName is the hidden global that catch clauses call (see
// rewordCaught).
const caughtName = "__colrunCaught"

// rewordCaught makes every `catch (e)` of prg begin with
// `e = __colrunCaught(e)`, so that a script reading e.message sees V8's
// words for the engine's common errors ("Cannot read properties of
// undefined (reading 'x')"), as it does under Newman, and not only the
// reports. The statement takes the positions of the catch's brace, so
// no other position moves.
func rewordCaught(prg *ast.Program) {
	walkAST(reflect.ValueOf(prg), func(n any) {
		c, ok := n.(*ast.CatchStatement)
		if !ok || c.Body == nil {
			return
		}
		param, ok := c.Parameter.(*ast.Identifier)
		if !ok {
			return
		}
		at := c.Body.LeftBrace
		id := func(name unistring.String) *ast.Identifier { return &ast.Identifier{Name: name, Idx: at} }
		call := &ast.CallExpression{Callee: id(caughtName), LeftParenthesis: at, ArgumentList: []ast.Expression{id(param.Name)}, RightParenthesis: at}
		assign := &ast.ExpressionStatement{Expression: &ast.AssignExpression{Operator: token.ASSIGN, Left: id(param.Name), Right: call}}
		c.Body.List = append([]ast.Statement{assign}, c.Body.List...)
	})
}

// nCaught is __colrunCaught: an error the running script threw and its
// own catch clause caught gets V8's words, as errorFromValue gives a
// reported one. Anything else is returned as it is.
func (s *Sandbox) nCaught(c goja.FunctionCall) goja.Value {
	v := c.Argument(0)
	obj, ok := v.(*goja.Object)
	st := s.cur
	if !ok || st == nil || st.script == nil || obj.ClassName() != "Error" {
		return v
	}
	script := st.script
	stack, msg, name := obj.Get("stack"), obj.Get("message"), obj.Get("name")
	if stack == nil || msg == nil || name == nil {
		return v
	}
	line, col := positionInStack(stack.String(), script.file)
	if line == 0 {
		return v
	}
	if line == 1 {
		col -= script.prefixLen
	}
	newMsg, newStack := s.v8Words(name.String(), msg.String(), stack.String(), script, line, max(col, 1))
	if newMsg != msg.String() {
		_ = obj.Set("message", newMsg)
		_ = obj.Set("stack", newStack)
	}
	return v
}

// nativeMethodOnTop reports whether a goja stack's first frame is a
// built-in's ("at ownKeys (native)"), which threw the error.
func nativeMethodOnTop(stack string) bool {
	_, rest, ok := strings.Cut(stack, "\n")
	if !ok {
		return false
	}
	frame, _, _ := strings.Cut(rest, "\n")
	frame = strings.TrimSpace(frame)
	return strings.HasPrefix(frame, "at ") && strings.HasSuffix(frame, " (native)")
}

// callbackTakers are the built-in methods that call a function they are
// given, whose goja error for one that is not a function tops the stack
// with the method's own frame ("at forEach (native)").
var callbackTakers = map[string]bool{
	"forEach": true, "map": true, "filter": true, "some": true, "every": true, "find": true, "findIndex": true,
	"findLast": true, "findLastIndex": true, "reduce": true, "reduceRight": true, "flatMap": true, "from": true,
}

// nativeCallbackMessage is V8's message for such a method given a callback
// that is not a function ("undefined is not a function", "#<Object> is
// not a function"), or "" for another error. Without it v8Message would
// take the call's position for a call of the method itself and blame the
// array ("items.forEach is not a function").
func nativeCallbackMessage(msg, stack string) string {
	_, rest, ok := strings.Cut(stack, "\n")
	if !ok {
		return ""
	}
	frame, _, _ := strings.Cut(rest, "\n")
	method, ok := strings.CutPrefix(strings.TrimSpace(frame), "at ")
	if !ok {
		return ""
	}
	if method, ok = strings.CutSuffix(method, " (native)"); !ok || !callbackTakers[method] {
		return ""
	}
	var v string
	switch {
	case strings.HasPrefix(msg, "Value is not an object: "):
		v = strings.TrimPrefix(msg, "Value is not an object: ")
	case strings.HasPrefix(msg, "Value is not callable: "):
		v = strings.TrimPrefix(msg, "Value is not callable: ")
	case strings.HasSuffix(msg, " is not a function"):
		v = strings.TrimSuffix(msg, " is not a function")
	default:
		return ""
	}
	if method == "flatMap" {
		return "flatMap mapper function is not callable"
	}
	// V8 names an object by its class, goja by its text.
	switch {
	case v == "[object Object]":
		v = "#<Object>"
	case reRegExpText.MatchString(v):
		v = "[object RegExp]"
	}
	return v + " is not a function"
}

var reRegExpText = regexp.MustCompile(`^/.*/[dgimsuvy]*$`)

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
	// reEvalSyntax is goja's SyntaxError from eval or new Function:
	// "SyntaxError: <eval>: Line 1:5 Unexpected token =" or
	// "SyntaxError: 'super' keyword unexpected here at <eval>:1:1".
	// When the text has several errors, goja adds "(and 4 more errors)",
	// which V8 does not: it reports the first alone.
	reEvalSyntax = regexp.MustCompile(`^SyntaxError: (?:<eval>: Line \d+:\d+ )?(.*?)(?: \(and \d+ more errors?\))?(?: at <eval>:\d+:\d+(?:\(\d+\))?)?$`)
	reNotObj     = regexp.MustCompile(`^Value is not an object: `)
	// reNotFunc is goja's message for calling a chai property as a
	// method: the assertion is a Go-backed object (chai/assertion.go), or
	// a Proxy over a non-function; and for calling an object that is no
	// function (a JSON object read where a method was meant).
	reNotFunc = regexp.MustCompile(`^(?:Dynamic object is not callable|proxy target is not a function|Not a function: .*)$`)
)

// v8Wording maps goja's fixed runtime messages to V8's.
var v8Wording = map[string]string{
	"Constructor Promise requires 'new'":                  "Promise constructor cannot be invoked without 'new'",
	"No initial value":                                    "Reduce of empty array with no initial value",
	"Malformed URI":                                       "URI malformed",
	"toFixed() precision must be between 0 and 100":       "toFixed() digits argument must be between 0 and 100",
	"toExponential() precision must be between 0 and 100": "toExponential() argument must be between 0 and 100",
	"toPrecision() precision must be between 1 and 100":   "toPrecision() argument must be between 1 and 100",
}

// v8Message rewords goja's runtime messages as V8 (and so Newman) words
// them, where that is cheap: property reads and writes on null or
// undefined, and calls of something that is not a function, whose callee
// is read back from the source at the error's position. Other messages
// keep goja's wording. It runs only for an error a user sees.
func (s *Sandbox) v8Message(msg string, script *Script, line, col int) string {
	if v8, ok := v8Wording[msg]; ok {
		return v8
	}
	if m := reEvalSyntax.FindStringSubmatch(msg); m != nil {
		// A syntax error in text given to eval or new Function: goja's
		// message repeats the name and adds its place in that text.
		return v8SyntaxMessage(m[1])
	}
	src := script.Source
	if m := reReadProp.FindStringSubmatch(msg); m != nil {
		of := m[2]
		if kind, _ := s.nullishBase(script, line, col, m[1], false); kind != "" {
			of = kind
		}
		return "Cannot read properties of " + of + " (reading '" + m[1] + "')"
	}
	if msg == "Cannot convert undefined or null to object" || msg == "object is not iterable" {
		if m := s.iterableMessage(script, line, col, msg == "object is not iterable"); m != "" {
			return m
		}
	}
	if msg == "Cannot convert undefined or null to object" {
		name, ok := assignedMember(src, line, col)
		kind, member := s.nullishBase(script, line, col, name, true)
		if !ok {
			name, ok = member, member != ""
		}
		if !ok {
			return msg
		}
		if kind == "" {
			kind = "undefined"
		}
		return "Cannot set properties of " + kind + " (setting '" + name + "')"
	}
	if msg == "Value is not object coercible" {
		if m := s.destructureMessage(script, line, col); m != "" {
			return m
		}
		return msg
	}
	if reNotObj.MatchString(msg) || strings.HasPrefix(msg, "Expecting a function in instanceof check") {
		if m := s.relationMessage(script, line, col, strings.TrimPrefix(msg, "Value is not an object: ")); m != "" {
			return m
		}
	}
	if msg == "Cannot access a variable before initialization" {
		// V8 names the variable, which goja places the error at.
		text := lineText(src, line)
		if i := col - 1; i >= 0 && i < len(text) {
			j := i
			for j < len(text) && isIdentByte(text[j]) {
				j++
			}
			if j > i {
				return "Cannot access '" + text[i:j] + "' before initialization"
			}
		}
	}
	if reNotObj.MatchString(msg) || msg == "Value is not a constructor" {
		if callee, ok := constructedAt(src, line, col); ok {
			return callee + " is not a constructor"
		}
	}
	if reNoMember.MatchString(msg) || reNotObj.MatchString(msg) || reNotFunc.MatchString(msg) {
		if callee, ok := calleeAt(src, line, col); ok {
			return callee + " is not a function"
		}
	}
	return msg
}

// relationMessage is V8's message for an `in` or `instanceof` whose
// right side does not allow it, when the expression at line:col (where
// goja places the error) is one: "Cannot use 'in' operator to search for
// 'id' in text" (the key only when the source spells it), "Right-hand
// side of 'instanceof' is not an object" or "... is not callable". value
// is the right side as goja's message prints it.
func (s *Sandbox) relationMessage(script *Script, line, col int, value string) string {
	prg, at, _, ok := parseAt(script, line, col)
	if !ok {
		return ""
	}
	var found *ast.BinaryExpression
	walkAST(reflect.ValueOf(prg), func(n any) {
		if b, ok := n.(*ast.BinaryExpression); ok && found == nil && b.Idx0() == at && (b.Operator == token.IN || b.Operator == token.INSTANCEOF) {
			found = b
		}
	})
	switch {
	case found == nil:
		return ""
	case found.Operator == token.INSTANCEOF && strings.HasPrefix(value, "Expecting a function"):
		return "Right-hand side of 'instanceof' is not callable"
	case found.Operator == token.INSTANCEOF:
		return "Right-hand side of 'instanceof' is not an object"
	}
	var key string
	switch k := found.Left.(type) {
	case *ast.StringLiteral:
		key = k.Value.String()
	case *ast.NumberLiteral:
		key = k.Literal
	default:
		return ""
	}
	return "Cannot use 'in' operator to search for '" + key + "' in " + value
}

// constructedAt returns the expression a `new` at line:col constructs,
// as V8 names it in "o.Foo is not a constructor": goja reports an
// undefined one at the `new` and a value that is no constructor at the
// `(` after it.
func constructedAt(src string, line, col int) (string, bool) {
	text := lineText(src, line)
	i := col - 1
	if i < 0 || i >= len(text) {
		return "", false
	}
	if rest, ok := strings.CutPrefix(text[i:], "new"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
		rest = strings.TrimLeft(rest, " \t")
		j := 0
		for j < len(rest) && (isIdentByte(rest[j]) || rest[j] == '.') {
			j++
		}
		if j == 0 || j < len(rest) && rest[j] != '(' && rest[j] != ';' && rest[j] != ' ' && rest[j] != ')' {
			return "", false
		}
		return rest[:j], true
	}
	callee, ok := calleeAt(src, line, col)
	if !ok {
		return "", false
	}
	before := strings.TrimRight(text[:i], " \t")
	before = strings.TrimRight(strings.TrimSuffix(before, callee), " \t")
	if !strings.HasSuffix(before, "new") {
		return "", false
	}
	if k := len(before) - len("new"); k > 0 && isIdentByte(before[k-1]) {
		return "", false
	}
	return callee, true
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
		case (c == '\'' || c == '"' || c == '`') && j+1 < end && text[j+1] == '.':
			// A string literal starts the chain ('abc'.foo()): nothing
			// before its opening quote belongs to the callee.
			k := j - 1
			for k >= 0 && (text[k] != c || k > 0 && text[k-1] == '\\') {
				k--
			}
			if k < 0 {
				goto done
			}
			j = k - 1
			goto done
		default:
			goto done
		}
	}
done:
	callee := strings.TrimSpace(text[j+1 : end])
	callee = strings.TrimPrefix(callee, "?.")
	callee = strings.TrimSuffix(callee, "?.")
	if callee == "" || depth != 0 {
		return "", false
	}
	// V8 calls what a `new` made "(intermediate value)":
	// new Date().toISOStrin() fails as "(intermediate value).toISOStrin".
	before := strings.TrimRight(text[:j+1], " \t")
	afterNew := strings.HasSuffix(before, "new") && (len(before) == 3 || !isIdentByte(before[len(before)-4]))
	elided := elideArguments(callee)
	if inner, _, ok := firstGroup(callee); ok && (afterNew || strings.HasPrefix(callee, "(") && strings.HasPrefix(strings.TrimSpace(inner), "new ")) {
		_, rest, _ := firstGroup(elided)
		elided = "(intermediate value)" + rest
	}
	return v8Callee(elided), true
}

// firstGroup splits callee at its first parenthesised group: the text
// inside it and the text after it ("Date().x" gives "" and ".x").
func firstGroup(callee string) (inner, rest string, ok bool) {
	open := strings.IndexByte(callee, '(')
	if open < 0 {
		return "", "", false
	}
	depth := 0
	for i := open; i < len(callee); i++ {
		switch callee[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return callee[open+1 : i], callee[i+1:], true
			}
		}
	}
	return "", "", false
}

// v8Callee writes a callee's string literals as V8 prints them: a string
// the chain starts at in double quotes ("abc".foo), and a member named by
// a string in brackets as a dotted one (o['k'].f is o.k.f, o?.['k'] is
// o?.k).
func v8Callee(callee string) string {
	var b strings.Builder
	for i := 0; i < len(callee); {
		c := callee[i]
		if c != '\'' && c != '"' && c != '`' {
			b.WriteByte(c)
			i++
			continue
		}
		end := i + 1
		for end < len(callee) && callee[end] != c {
			if callee[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(callee) {
			b.WriteString(callee[i:])
			break
		}
		text := strings.NewReplacer(`\'`, `'`, `\"`, `"`, "\\`", "`").Replace(callee[i+1 : end])
		out := b.String()
		switch {
		case i == 0:
			b.WriteString(`"` + text + `"`)
		case strings.HasSuffix(out, "[") && end+1 < len(callee) && callee[end+1] == ']':
			b.Reset()
			b.WriteString(strings.TrimSuffix(out, "["))
			if !strings.HasSuffix(out, "?.[") {
				b.WriteByte('.')
			}
			b.WriteString(text)
			end++
		default:
			b.WriteString(callee[i : end+1])
		}
		i = end + 1
	}
	return b.String()
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
	if i <= 0 || i >= len(text) {
		return "", false
	}
	var name string
	var j int
	switch {
	case text[i] == '[':
		// o.a[0] = 1, o.a['k'] = 1: goja places the error at the '['.
		var ok bool
		if name, j, ok = bracketKey(text, i); !ok {
			return "", false
		}
	case text[i-1] == '.':
		j = i
		for j < len(text) && isIdentByte(text[j]) {
			j++
		}
		if j == i {
			return "", false
		}
		name = text[i:j]
	default:
		return "", false
	}
	rest := strings.TrimLeft(text[j:], " \t")
	if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
		return "", false
	}
	return name, true
}

// bracketKey reads the literal key of a member in brackets starting at
// text[open] ('['): a whole number or a string without escapes. end is
// just past the ']'.
func bracketKey(text string, open int) (key string, end int, ok bool) {
	k := open + 1
	switch {
	case k < len(text) && text[k] >= '0' && text[k] <= '9':
		j := k
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		key, k = text[k:j], j
	case k < len(text) && (text[k] == '\'' || text[k] == '"'):
		j := strings.IndexByte(text[k+1:], text[k])
		if j < 0 || strings.Contains(text[k+1:k+1+j], "\\") {
			return "", 0, false
		}
		key, k = text[k+1:k+1+j], k+2+j
	default:
		return "", 0, false
	}
	if k >= len(text) || text[k] != ']' {
		return "", 0, false
	}
	return key, k + 1, true
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// nullishBase finds, in script's source, the property read (or, setting,
// written) that failed at line:col, and tells whether the value read from
// was null or undefined: goja says "undefined" for both, V8 tells them
// apart, and a JSON field that is null is the common case in tests. The
// answer comes from the source when it is plain (`null.x`, a variable
// only ever set to null) and otherwise from reading the expression again
// when it is a path of pm, JSON or the legacy globals through reads and
// calls that change nothing (pm.response.json().data, a variable set
// once to such a path); else kind is "". name, when not "", is the
// property the message names; member is the one the source names. It
// parses the script again, so it is only for an error a user sees.
func (s *Sandbox) nullishBase(script *Script, line, col int, name string, setting bool) (kind, member string) {
	prg, at, _, ok := parseAt(script, line, col)
	if !ok {
		return "", ""
	}
	r := s.newNullishReader()
	var sites []memberSite
	walkAST(reflect.ValueOf(prg), func(n any) {
		r.note(n)
		switch n := n.(type) {
		case *ast.AssignExpression:
			if setting {
				sites = appendSite(sites, n.Left, at, name)
			}
		case *ast.DotExpression:
			if !setting {
				sites = appendSite(sites, n, at, name)
			}
		case *ast.BracketExpression:
			if !setting {
				sites = appendSite(sites, n, at, name)
			}
		}
	})
	// Sites that share a position (a.b.c() fails at a) must agree.
	for i, site := range sites {
		k := r.kindOf(site.base, 0)
		if k == "" || i > 0 && (k != kind || site.name != member) {
			return "", ""
		}
		kind, member = k, site.name
	}
	return kind, member
}

// parseAt parses script again as it was compiled and gives the AST index
// of line:col in the user's source, and the length of the wrapper before
// the source (the source's offset of index i is i-1-wrap).
func parseAt(script *Script, line, col int) (prg *ast.Program, at file.Idx, wrap int, ok bool) {
	if script == nil || line < 1 || col < 1 {
		return nil, 0, 0, false
	}
	off := offsetOf(script.Source, line, col)
	if off < 0 || off >= len(script.Source) {
		return nil, 0, 0, false
	}
	prefix := syncPrefix
	if script.async {
		prefix = asyncPrefix
	}
	prg, err := parser.ParseFile(nil, "", prefix+script.Source+suffix, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, 0, 0, false
	}
	return prg, file.Idx(len(prefix) + off + 1), len(prefix), true
}

// destructureMessage is V8's message for an object pattern given null or
// undefined (goja: "Value is not object coercible"), as in
// `var {a} = pm.response.json().data`, which V8 words "Cannot destructure
// property 'a' of 'pm.response.json(...).data' as it is null.". It is ""
// when the pattern or whether the value was null is not known.
func (s *Sandbox) destructureMessage(script *Script, line, col int) string {
	prg, at, wrap, ok := parseAt(script, line, col)
	if !ok {
		return ""
	}
	r := s.newNullishReader()
	type site struct {
		pattern *ast.ObjectPattern
		value   ast.Expression
	}
	var sites []site
	// goja places the error at the value's last member; a literal value
	// (`var {a} = null`) it places at the enclosing function, and that
	// keeps goja's words.
	add := func(target ast.Node, value ast.Expression) {
		if p, ok := target.(*ast.ObjectPattern); ok && value != nil && lastIdx(value) == at {
			sites = append(sites, site{p, value})
		}
	}
	walkAST(reflect.ValueOf(prg), func(n any) {
		r.note(n)
		switch n := n.(type) {
		case *ast.Binding:
			add(n.Target, n.Initializer)
		case *ast.AssignExpression:
			add(n.Left, n.Right)
		}
	})
	if len(sites) == 0 {
		return ""
	}
	p, value := sites[0].pattern, sites[0].value
	for _, st := range sites[1:] {
		if st.pattern != p {
			return ""
		}
	}
	kind := r.kindOf(value, 0)
	if kind == "" {
		return ""
	}
	from, to := int(value.Idx0())-1-wrap, int(value.Idx1())-1-wrap
	if from < 0 || to > len(script.Source) || from >= to {
		return ""
	}
	of := elideArguments(strings.TrimSpace(script.Source[from:to]))
	if len(p.Properties) == 0 {
		return "Cannot destructure '" + of + "' as it is " + kind + "."
	}
	var name string
	switch first := p.Properties[0].(type) {
	case *ast.PropertyShort:
		name = first.Name.Name.String()
	case *ast.PropertyKeyed:
		switch k := first.Key.(type) {
		case *ast.Identifier:
			name = k.Name.String()
		case *ast.StringLiteral:
			name = k.Value.String()
		case *ast.NumberLiteral:
			name = k.Literal
		}
		if first.Computed {
			name = ""
		}
	}
	if name == "" {
		return ""
	}
	return "Cannot destructure property '" + name + "' of '" + of + "' as it is " + kind + "."
}

// memberSite is a property read or write: the expression read from, and
// the property's name ("" when the source computes it).
type memberSite struct {
	base ast.Expression
	name string
}

// appendSite adds e to sites if it is a member expression goja places at
// at (the property name, the bracket, the start of the expression, or
// for a method call the end of the object's expression) whose property
// can be name.
func appendSite(sites []memberSite, e ast.Expression, at file.Idx, name string) []memberSite {
	switch e := e.(type) {
	case *ast.DotExpression:
		n := e.Identifier.Name.String()
		if (e.Identifier.Idx == at || e.Idx0() == at || lastIdx(e.Left) == at) && (name == "" || n == name) {
			return append(sites, memberSite{e.Left, n})
		}
	case *ast.BracketExpression:
		n := ""
		switch k := e.Member.(type) {
		case *ast.StringLiteral:
			n = k.Value.String()
		case *ast.NumberLiteral:
			n = k.Literal
		}
		if (e.LeftBracket == at || e.Idx0() == at || lastIdx(e.Left) == at) && (name == "" || n == "" || n == name) {
			if n == "" {
				n = name
			}
			return append(sites, memberSite{e.Left, n})
		}
	}
	return sites
}

// lastIdx is where goja places a failed method call read from e, as in
// `e.m()`: at e's last member.
// iterableMessage is V8's "x is not iterable" for a for-of loop or a
// spread (`[...x]`, `f(...x)`) over a value that is not iterable, whose
// expression ends at line:col, where goja places the error; "" when the
// error is not there. V8 names the expression as written, calls without
// their arguments, whatever its value; a call's result is "f is not a
// function or its return value is not iterable", and a nullish spread
// argument of a call adds "(cannot read property undefined)" (or null).
// Array destructuring and Array.from of a value known to be undefined or
// null name that value instead. notNullish is goja's word that the value
// was neither undefined nor null, which V8 words otherwise for a call's
// spread argument.
func (s *Sandbox) iterableMessage(script *Script, line, col int, notNullish bool) string {
	prg, at, wrap, ok := parseAt(script, line, col)
	if !ok {
		return ""
	}
	r := s.newNullishReader()
	var found, unpacked ast.Expression
	var named, called string
	inCall := false
	walkAST(reflect.ValueOf(prg), func(n any) {
		r.note(n)
		if found != nil {
			return
		}
		switch n := n.(type) {
		case *ast.ForOfStatement:
			if lastIdx(n.Source) == at {
				found = n.Source
			}
		case *ast.ArrayLiteral:
			for _, e := range n.Value {
				if sp, ok := e.(*ast.SpreadElement); ok && lastIdx(sp.Expression) == at {
					found = sp.Expression
				}
			}
		case *ast.CallExpression:
			for _, e := range n.ArgumentList {
				if sp, ok := e.(*ast.SpreadElement); ok && lastIdx(sp.Expression) == at {
					found, inCall = sp.Expression, true
				}
			}
			if n.LeftParenthesis == at && len(n.ArgumentList) > 0 && isArrayFrom(n.Callee) {
				unpacked = n.ArgumentList[0]
			}
		case *ast.Binding:
			if _, ok := n.Target.(*ast.ArrayPattern); ok && n.Initializer != nil && lastIdx(n.Initializer) == at {
				unpacked = n.Initializer
				switch init := n.Initializer.(type) {
				case *ast.Identifier:
					// `const [a] = v` names the variable, whatever it holds.
					named = init.Name.String()
				case *ast.CallExpression:
					// `const [a] = f()` names the function, as a for-of
					// over f() does (a method call names the value).
					if id, ok := init.Callee.(*ast.Identifier); ok {
						called = id.Name.String()
					}
				}
			}
		case *ast.AssignExpression:
			if _, ok := n.Left.(*ast.ArrayPattern); ok && lastIdx(n.Right) == at {
				unpacked = n.Right
			}
		}
	})
	if found == nil {
		// Array destructuring and Array.from name the value, not the
		// expression: "undefined is not iterable (cannot read property
		// Symbol(Symbol.iterator))", "object null is ...".
		if named != "" {
			return named + " is not iterable"
		}
		if called != "" {
			return called + " is not a function or its return value is not iterable"
		}
		if unpacked == nil {
			return ""
		}
		switch kind := r.kindOf(unpacked, 0); kind {
		case "":
			return ""
		case "null":
			return "object null is not iterable (cannot read property Symbol(Symbol.iterator))"
		default:
			return kind + " is not iterable (cannot read property Symbol(Symbol.iterator))"
		}
	}
	// V8 writes the calls along the expression without their
	// parentheses here: pm.response.json().items is
	// "pm.response.json.items".
	text := func(e ast.Expression) string {
		from, to := int(e.Idx0())-1-wrap, int(e.Idx1())-1-wrap
		if from < 0 || to > len(script.Source) || from >= to {
			return ""
		}
		return strings.ReplaceAll(elideArguments(strings.TrimSpace(script.Source[from:to])), "(...)", "")
	}
	if call, ok := found.(*ast.CallExpression); ok {
		if callee := text(call.Callee); callee != "" {
			return callee + " is not a function or its return value is not iterable"
		}
		return ""
	}
	of := text(found)
	if of == "" {
		return ""
	}
	if inCall {
		if notNullish {
			// f(...5), f(...{}): V8 names no expression here.
			return "Spread syntax requires ...iterable[Symbol.iterator] to be a function"
		}
		if kind := r.kindOf(found, 0); kind != "" {
			return of + " is not iterable (cannot read property " + kind + ")"
		}
	}
	return of + " is not iterable"
}

// isArrayFrom reports whether e is `Array.from`.
func isArrayFrom(e ast.Expression) bool {
	d, ok := e.(*ast.DotExpression)
	if !ok || d.Identifier.Name != "from" {
		return false
	}
	id, ok := d.Left.(*ast.Identifier)
	return ok && id.Name == "Array"
}

func lastIdx(e ast.Expression) file.Idx {
	switch e := e.(type) {
	case *ast.DotExpression:
		return e.Identifier.Idx
	case *ast.BracketExpression:
		return e.LeftBracket
	case *ast.CallExpression:
		return e.LeftParenthesis
	}
	return e.Idx0()
}

func (s *Sandbox) newNullishReader() *nullishReader {
	return &nullishReader{s: s, values: map[string][]ast.Expression{}, opaque: map[string]bool{}, seen: map[*ast.Binding]bool{}}
}

// nullishReader tells what an expression of a script evaluates to, where
// that is null or undefined and can be known without running the script.
type nullishReader struct {
	s *Sandbox
	// values holds what each variable is ever set to (nil for a
	// declaration without a value); opaque names are also bound in ways
	// that cannot be followed (parameters, loops, destructuring, +=).
	values map[string][]ast.Expression
	opaque map[string]bool
	seen   map[*ast.Binding]bool
}

func (r *nullishReader) hide(id *ast.Identifier) {
	if id != nil {
		r.opaque[id.Name.String()] = true
	}
}

// note records how n binds names, ignoring scopes: a name is followed
// only when every binding of it, anywhere, says the same.
func (r *nullishReader) note(n any) {
	switch n := n.(type) {
	case *ast.Binding:
		// A function's var declarations are listed twice in goja's AST:
		// in its body and in its DeclarationList.
		if r.seen[n] {
			return
		}
		r.seen[n] = true
		if id, ok := n.Target.(*ast.Identifier); ok {
			r.values[id.Name.String()] = append(r.values[id.Name.String()], n.Initializer)
		} else {
			targetNames(n.Target, r.hide)
		}
	case *ast.ParameterList:
		for _, p := range n.List {
			targetNames(p.Target, r.hide)
		}
		targetNames(n.Rest, r.hide)
	case *ast.AssignExpression:
		if id, ok := n.Left.(*ast.Identifier); ok && n.Operator == token.ASSIGN {
			r.values[id.Name.String()] = append(r.values[id.Name.String()], n.Right)
		} else {
			targetNames(n.Left, r.hide)
		}
	case *ast.UnaryExpression:
		if n.Operator == token.INCREMENT || n.Operator == token.DECREMENT {
			targetNames(n.Operand, r.hide)
		}
	case *ast.ForIntoExpression:
		targetNames(n.Expression, r.hide)
	case *ast.ForIntoVar:
		targetNames(n.Binding.Target, r.hide)
	case *ast.ForDeclaration:
		targetNames(n.Target, r.hide)
	case *ast.CatchStatement:
		targetNames(n.Parameter, r.hide)
	case *ast.FunctionLiteral:
		r.hide(n.Name)
	case *ast.ClassLiteral:
		r.hide(n.Name)
	}
}

// maxNullishDepth bounds how many variables kindOf follows, against
// `var a = b, b = a`.
const maxNullishDepth = 8

// kindOf returns "null" or "undefined" when e is known to evaluate to
// that, else "".
func (r *nullishReader) kindOf(e ast.Expression, depth int) string {
	if depth > maxNullishDepth {
		return ""
	}
	switch e := e.(type) {
	case *ast.NullLiteral:
		return "null"
	case *ast.Identifier:
		n := e.Name.String()
		vals, declared := r.values[n]
		switch {
		case r.opaque[n]:
			return ""
		case !declared && n == "undefined":
			return "undefined"
		case !declared:
			return r.evalKind(e, depth)
		}
		kind := ""
		for i, v := range vals {
			k := "undefined"
			if v != nil {
				k = r.kindOf(v, depth+1)
			}
			if k == "" || i > 0 && k != kind {
				return ""
			}
			kind = k
		}
		return kind
	case *ast.DotExpression, *ast.BracketExpression, *ast.CallExpression:
		return r.evalKind(e, depth)
	}
	return ""
}

// evalKind reads e again on the sandbox's runtime, where it is a pure path.
func (r *nullishReader) evalKind(e ast.Expression, depth int) (kind string) {
	if st := r.s.cur; st != nil && st.stopReason() != notStopped {
		return ""
	}
	defer func() {
		if p := recover(); p != nil {
			kind = ""
			// A stop that came while reading must still stop the script,
			// which may be running on (this is a failed pm.test).
			if ie, ok := p.(*goja.InterruptedError); ok {
				r.s.rt.Interrupt(ie.Value())
			}
		}
	}()
	var v goja.Value
	ok := false
	if ex := r.s.rt.Try(func() { v, ok = r.eval(e, depth) }); ex != nil || !ok {
		return ""
	}
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	return ""
}

// nullishRoots are the globals a re-read path may start from: Postman's
// own objects, whose reads and the pureMethods change nothing.
var nullishRoots = setOf(`pm JSON responseBody responseCode responseHeaders responseCookies globals environment data request xml2Json`)

// pureMethods are the methods of the nullishRoots' objects a re-read path
// may call: parsing and reading, never writing.
var pureMethods = setOf(`json text get toObject parse`)

// eval evaluates e when it is a pure path; ok is false otherwise. Go
// panics with a goja exception when a read throws (evalKind catches it).
func (r *nullishReader) eval(e ast.Expression, depth int) (v goja.Value, ok bool) {
	if depth > maxNullishDepth {
		return nil, false
	}
	rt := r.s.rt
	switch e := e.(type) {
	case *ast.NullLiteral:
		return goja.Null(), true
	case *ast.StringLiteral:
		return rt.ToValue(e.Value.String()), true
	case *ast.NumberLiteral:
		return rt.ToValue(e.Value), true
	case *ast.BooleanLiteral:
		return rt.ToValue(e.Value), true
	case *ast.Identifier:
		n := e.Name.String()
		vals, declared := r.values[n]
		switch {
		case r.opaque[n]:
			return nil, false
		case !declared && nullishRoots[n]:
			return rt.GlobalObject().Get(n), true
		case len(vals) == 1 && vals[0] != nil:
			return r.eval(vals[0], depth+1)
		}
	case *ast.DotExpression:
		if obj, ok := r.evalObject(e.Left, depth); ok {
			return obj.Get(e.Identifier.Name.String()), true
		}
	case *ast.BracketExpression:
		var key string
		switch k := e.Member.(type) {
		case *ast.StringLiteral:
			key = k.Value.String()
		case *ast.NumberLiteral:
			key = k.Literal
		default:
			return nil, false
		}
		if obj, ok := r.evalObject(e.Left, depth); ok {
			return obj.Get(key), true
		}
	case *ast.CallExpression:
		return r.call(e, depth)
	}
	return nil, false
}

// call evaluates a call of one of the pureMethods (or xml2Json) with
// arguments that are pure paths themselves.
func (r *nullishReader) call(e *ast.CallExpression, depth int) (goja.Value, bool) {
	var this goja.Value = goja.Undefined()
	var fn goja.Callable
	switch c := e.Callee.(type) {
	case *ast.DotExpression:
		obj, ok := r.evalObject(c.Left, depth)
		if !ok || !pureMethods[c.Identifier.Name.String()] {
			return nil, false
		}
		this = obj
		fn, ok = goja.AssertFunction(obj.Get(c.Identifier.Name.String()))
		if !ok {
			return nil, false
		}
	case *ast.Identifier:
		if _, declared := r.values[c.Name.String()]; declared || c.Name.String() != "xml2Json" {
			return nil, false
		}
		var ok bool
		if fn, ok = goja.AssertFunction(r.s.rt.GlobalObject().Get("xml2Json")); !ok {
			return nil, false
		}
	default:
		return nil, false
	}
	args := make([]goja.Value, len(e.ArgumentList))
	for i, a := range e.ArgumentList {
		v, ok := r.eval(a, depth)
		if !ok {
			return nil, false
		}
		args[i] = v
	}
	v, err := fn(this, args...)
	return v, err == nil
}

// evalObject evaluates e as eval does, when it gives an object.
func (r *nullishReader) evalObject(e ast.Expression, depth int) (*goja.Object, bool) {
	v, ok := r.eval(e, depth)
	if !ok {
		return nil, false
	}
	obj, ok := v.(*goja.Object)
	return obj, ok
}
