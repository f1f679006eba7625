package sandbox

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/dop251/goja"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Node's util.inspect settings for console output, as Newman's CLI uses
// them (newman/lib/reporters/cli/cli-utils.js inspector): deep objects, at
// most 100 array items; the line length depends on the terminal (see
// breakLength).
const (
	inspectDepth     = 25
	inspectMaxArray  = 100
	inspectCompact   = 3
	inspectMaxString = 10000
)

// breakLength is Newman's breakLength for a terminal width: the width
// less 16, or 60 less 16 without a terminal (or one narrower than 21).
func breakLength(width int) int {
	if width <= 20 {
		width = 60
	}
	return width - 16
}

// inspectArg renders one console argument as Newman's CLI does:
// util.inspect of the value, so a string is quoted too.
func (s *Sandbox) inspectArg(v goja.Value) string {
	in := &inspector{s: s, circular: map[*goja.Object]int{}, breakLength: breakLength(s.opts.ConsoleWidth)}
	return in.format(v, 0)
}

func isObjectValue(v goja.Value) bool {
	_, ok := v.(*goja.Object)
	return ok
}

// inspector follows util.inspect's formatting rules (node v20): single
// line when an object fits in 80 columns and has fewer than 3 levels of
// nesting below it, one entry per line otherwise, long number arrays in
// columns, and <ref *1>/[Circular *1] for cycles.
type inspector struct {
	s            *Sandbox
	seen         []*goja.Object
	circular     map[*goja.Object]int
	indentation  int
	currentDepth int
	breakLength  int
}

func (in *inspector) format(v goja.Value, depth int) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return in.primitive(v)
	}
	for _, o := range in.seen {
		if o == obj {
			id, ok := in.circular[obj]
			if !ok {
				id = len(in.circular) + 1
				in.circular[obj] = id
			}
			return "[Circular *" + strconv.Itoa(id) + "]"
		}
	}
	return in.object(obj, depth)
}

func (in *inspector) primitive(v goja.Value) string {
	if sym, ok := v.(*goja.Symbol); ok {
		return "Symbol(" + sym.String() + ")"
	}
	if str, ok := v.(goja.String); ok {
		return in.str(str)
	}
	switch x := v.Export().(type) {
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		// Postman's serialisation turns -0 into 0.
		if x == 0 {
			return "0"
		}
		return v.String()
	}
	if v.ExportType() != nil && v.ExportType().String() == "*big.Int" {
		return v.String() + "n"
	}
	return v.String()
}

// str renders a string as util.inspect does: past 10000 characters it is
// cut with a "... N more characters" trailer, and one longer than both 16
// characters and the room left on the line is split after each line break
// into quoted pieces joined by " +", so multi-line text (a JSON.parse error
// with its caret line) prints as Newman prints it. It reads the string's
// UTF-16 units, as Node counts and cuts them: a cut through an emoji leaves
// half of it, which Node escapes.
func (in *inspector) str(str goja.String) string {
	n := str.Length()
	trailer := ""
	if n > inspectMaxString {
		rest := n - inspectMaxString
		n = inspectMaxString
		trailer = fmt.Sprintf("... %d more character", rest)
		if rest > 1 {
			trailer += "s"
		}
	}
	u := make([]uint16, n)
	for i := range u {
		u[i] = str.CharAt(i)
	}
	if n <= 16 || n <= in.breakLength-in.indentation-4 {
		return quoteUnits(u) + trailer
	}
	var lines []string
	for len(u) > 0 {
		end := len(u)
		for i, c := range u {
			if c == '\n' {
				end = i + 1
				break
			}
		}
		lines = append(lines, quoteUnits(u[:end]))
		u = u[end:]
	}
	return strings.Join(lines, " +\n"+strings.Repeat(" ", in.indentation+2)) + trailer
}

// quoteJS quotes a Go string as util.inspect does; see quoteUnits.
func quoteJS(s string) string {
	return quoteUnits(utf16.Encode([]rune(s)))
}

// quoteUnits quotes a string's UTF-16 units as util.inspect (node v20)
// does: single quotes unless the string holds one and no double quote
// (then double quotes, then backticks), with control characters, C1
// controls and lone surrogates escaped.
func quoteUnits(u []uint16) string {
	has := func(c uint16) bool { return slices.Contains(u, c) }
	q := uint16('\'')
	if has('\'') {
		switch {
		case !has('"'):
			q = '"'
		case !has('`') && !strings.Contains(string(utf16.Decode(u)), "${"):
			q = '`'
		}
	}
	var b strings.Builder
	b.WriteByte(byte(q))
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(c))
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < 0x20 || c >= 0x7f && c <= 0x9f:
			fmt.Fprintf(&b, `\x%02X`, c)
		case utf16.IsSurrogate(rune(c)):
			if c < 0xdc00 && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] <= 0xdfff {
				b.WriteRune(utf16.DecodeRune(rune(c), rune(u[i+1])))
				i++
				continue
			}
			fmt.Fprintf(&b, `\u%x`, c)
		default:
			b.WriteRune(rune(c))
		}
	}
	b.WriteByte(byte(q))
	return b.String()
}

var identRE = func(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

// helper returns a JS helper function; they are compiled once per
// Sandbox, on first use.
func (in *inspector) helper(name string) goja.Callable {
	if in.s.inspectHelpers == nil {
		v, err := in.s.rt.RunString(`({
			entries: function (m) { return Array.from(m); },
			desc: function (o, k) { var d = Object.getOwnPropertyDescriptor(o, k); if (d && d.get && d.get === d.set && /\[native code\]/.test(Function.prototype.toString.call(d.get))) { o[k]; d = Object.getOwnPropertyDescriptor(o, k); } return d ? (d.get ? (d.set ? 3 : 1) : (d.set ? 2 : 0)) : 0; },
			kind: function (o) {
				if (ArrayBuffer.isView(o) && !(o instanceof DataView) && !(o instanceof BigInt64Array) && !(o instanceof BigUint64Array)) { return o._isBuffer === true ? 'Buffer' : 'TypedArray'; }
				if (o instanceof ArrayBuffer) { return 'ArrayBuffer'; }
				if (o instanceof Map) { return 'Map'; }
				if (o instanceof Set) { return 'Set'; }
				if (o instanceof Date) { return 'Date'; }
				if (o instanceof RegExp) { return 'RegExp'; }
				if (Array.isArray(o)) { return 'Array'; }
				if (typeof o.toJSON === 'function') { return 'toJSON'; }
				return 'Object';
			},
			fnName: function (f) {
				var c = f.constructor && f.constructor.name || 'Function';
				return f.name ? '[' + c + ': ' + f.name + ']' : '[' + c + ']';
			},
		})`)
		if err != nil {
			panic(err)
		}
		in.s.inspectHelpers = v.ToObject(in.s.rt)
	}
	fn, _ := goja.AssertFunction(in.s.inspectHelpers.Get(name))
	return fn
}

func (in *inspector) call(name string, args ...goja.Value) goja.Value {
	v, err := in.helper(name)(goja.Undefined(), args...)
	if err != nil {
		return goja.Undefined()
	}
	return v
}

func (in *inspector) object(obj *goja.Object, depth int) string {
	rt := in.s.rt
	// Postman serialises console arguments before Newman prints them:
	// functions become "[Function: name]" strings, and objects with a
	// toJSON (errors, pm.response) print as what toJSON returns.
	if _, isFn := goja.AssertFunction(obj); isFn {
		return in.primitive(in.call("fnName", obj))
	}
	class := in.call("kind", obj).String()
	switch class {
	case "Date":
		if iso, ok := goja.AssertFunction(obj.Get("toISOString")); ok {
			if r, err := iso(obj); err == nil {
				return r.String()
			}
		}
		return "Invalid Date"
	case "RegExp":
		return obj.String()
	case "Buffer":
		return inspectBuffer(obj)
	case "ArrayBuffer":
		// Postman's serialisation hands it over as this text.
		return in.primitive(rt.ToValue("[ArrayBuffer { byteLength: " + obj.Get("byteLength").String() + " }]"))
	case "toJSON":
		toJSON, _ := goja.AssertFunction(obj.Get("toJSON"))
		if r, err := toJSON(obj); err == nil {
			if ro, isObj := r.(*goja.Object); !isObj || ro != obj {
				in.seen = append(in.seen, obj)
				out := in.format(r, depth)
				in.seen = in.seen[:len(in.seen)-1]
				return out
			}
		}
		class = "Object"
	}
	if obj.ClassName() == "String" || obj.ClassName() == "Number" || obj.ClassName() == "Boolean" {
		return "[" + obj.ClassName() + ": " + in.format(rt.ToValue(obj.Export()), depth) + "]"
	}
	ctorName := ""
	if depth > inspectDepth {
		if class == "Array" {
			return "[Array]"
		}
		if ctorName == "" || ctorName == "Object" {
			return "[Object]"
		}
		return "[" + ctorName + "]"
	}

	var entries []string
	var braces [2]string
	prefix := ""
	isArray := false
	var numeric []bool

	in.seen = append(in.seen, obj)
	in.indentation += 2
	switch {
	case class == "Array":
		isArray = true
		n := int(obj.Get("length").ToInteger())
		if n == 0 && len(obj.Keys()) == 0 {
			in.seen = in.seen[:len(in.seen)-1]
			in.indentation -= 2
			return "[]"
		}
		in.currentDepth = depth
		braces = [2]string{"[", "]"}
		// Holes print as undefined: Postman's serialisation fills them.
		shown := min(n, inspectMaxArray)
		for i := 0; i < shown; i++ {
			el := obj.Get(strconv.Itoa(i))
			if el == nil {
				el = goja.Undefined()
			}
			entries = append(entries, in.format(el, depth+1))
			_, isNum := el.Export().(float64)
			_, isInt := el.Export().(int64)
			numeric = append(numeric, (isNum || isInt) && !isObjectValue(el))
		}
		if n > shown {
			entries = append(entries, moreItems(n-shown))
		}
		for _, k := range obj.Keys() {
			if _, err := strconv.Atoi(k); err == nil {
				continue
			}
			entries = append(entries, in.property(obj, k, depth))
		}
	case class == "TypedArray":
		// Uint8Array(2) [ 1, 2 ], laid out as an array. (Postman's
		// serialisation hands BigInt64Array over as a plain object.)
		isArray = true
		n := int(obj.Get("length").ToInteger())
		name := "TypedArray"
		if c, ok := obj.Get("constructor").(*goja.Object); ok {
			name = c.Get("name").String()
		}
		prefix = name + "(" + strconv.Itoa(n) + ")"
		if n == 0 {
			in.seen = in.seen[:len(in.seen)-1]
			in.indentation -= 2
			return prefix + " []"
		}
		in.currentDepth = depth
		braces = [2]string{"[", "]"}
		for i := range min(n, inspectMaxArray) {
			el := obj.Get(strconv.Itoa(i))
			entries = append(entries, in.format(el, depth+1))
			numeric = append(numeric, true)
		}
		if n > inspectMaxArray {
			entries = append(entries, moreItems(n-inspectMaxArray))
		}
	case class == "Map" || class == "Set":
		items := in.call("entries", obj).ToObject(rt)
		n := int(items.Get("length").ToInteger())
		prefix = class + "(" + strconv.Itoa(n) + ")"
		if n == 0 {
			in.seen = in.seen[:len(in.seen)-1]
			in.indentation -= 2
			return prefix + " {}"
		}
		in.currentDepth = depth
		braces = [2]string{"{", "}"}
		for i := 0; i < n; i++ {
			it := items.Get(strconv.Itoa(i))
			if class == "Map" {
				pair := it.ToObject(rt)
				entries = append(entries, in.format(pair.Get("0"), depth+1)+" => "+in.format(pair.Get("1"), depth+1))
			} else {
				entries = append(entries, in.format(it, depth+1))
			}
		}
	default:
		// Class instances print as plain objects, as after Postman's
		// serialisation; a promise too, which Newman shows as {}.
		keys := obj.Keys()
		if len(keys) == 0 && len(entries) == 0 {
			in.seen = in.seen[:len(in.seen)-1]
			in.indentation -= 2
			if prefix != "" {
				return prefix + " {}"
			}
			return "{}"
		}
		in.currentDepth = depth
		braces = [2]string{"{", "}"}
		for _, k := range keys {
			entries = append(entries, in.property(obj, k, depth))
		}
	}
	in.indentation -= 2
	in.seen = in.seen[:len(in.seen)-1]
	// A reference target found among the entries is marked before the
	// line is laid out, as util.inspect counts the mark in its length.
	if id, ok := in.circular[obj]; ok {
		ref := "<ref *" + strconv.Itoa(id) + ">"
		if prefix != "" {
			ref += " " + prefix
		}
		prefix = ref
	}
	return in.reduce(entries, braces, prefix, depth, isArray, numeric)
}

// property renders one "key: value" entry; accessors are not called,
// except the sandbox's own lazy properties (getter and setter one
// function, see lazyProperty), which are settled first so that values
// print as Postman's data properties do.
func (in *inspector) property(obj *goja.Object, key string, depth int) string {
	name := key
	if !identRE(key) {
		name = quoteJS(key)
	}
	switch in.call("desc", obj, in.s.rt.ToValue(key)).ToInteger() {
	case 1:
		return name + ": [Getter]"
	case 2:
		return name + ": [Setter]"
	case 3:
		return name + ": [Getter/Setter]"
	}
	return name + ": " + in.format(obj.Get(key), depth+1)
}

// reduce joins entries on one line or several, as Node's
// reduceToSingleString does.
func (in *inspector) reduce(output []string, braces [2]string, prefix string, depth int, isArray bool, numeric []bool) string {
	entries := len(output)
	if isArray && entries > 6 {
		output = in.groupArrayElements(output, numeric)
	}
	base := prefix
	if in.currentDepth-depth < inspectCompact && entries == len(output) {
		start := len(output) + in.indentation + len(braces[0]) + len(base) + 10
		if in.belowBreakLength(output, start, base) {
			joined := strings.Join(output, ", ")
			if !strings.Contains(joined, "\n") {
				if base != "" {
					base += " "
				}
				return base + braces[0] + " " + joined + " " + braces[1]
			}
		}
	}
	ind := "\n" + strings.Repeat(" ", in.indentation)
	if base != "" {
		base += " "
	}
	return base + braces[0] + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + braces[1]
}

func (in *inspector) belowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > in.breakLength {
		return false
	}
	for _, o := range output {
		total += utf16Len(o)
		if total > in.breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

// groupArrayElements lays out a long array of short items in columns, as
// Node does for arrays of more than six entries.
func (in *inspector) groupArrayElements(output []string, numeric []bool) []string {
	totalLength, maxLength := 0, 0
	outputLength := len(output)
	if len(numeric) < outputLength {
		// The "... more items" entry is not laid out.
		outputLength = len(numeric)
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := displayWidth(output[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		maxLength = max(maxLength, l)
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+in.indentation < in.breakLength && (float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := min(
			int(math.Round(math.Sqrt(2.5*biasedMax*float64(outputLength))/biasedMax)),
			(in.breakLength-in.indentation)/actualMax,
			inspectCompact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var maxLineLength []int
		for i := 0; i < columns; i++ {
			lineLength := 0
			for j := i; j < outputLength; j += columns {
				lineLength = max(lineLength, dataLen[j])
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		padStart := true
		for _, n := range numeric {
			if !n {
				padStart = false
				break
			}
		}
		var tmp []string
		for i := 0; i < outputLength; i += columns {
			end := min(i+columns, outputLength)
			var b strings.Builder
			j := i
			for ; j < end-1; j++ {
				b.WriteString(pad(output[j]+", ", maxLineLength[j-i], padStart))
			}
			if padStart {
				b.WriteString(pad(output[j], maxLineLength[j-i]-separatorSpace, true))
			} else {
				b.WriteString(output[j])
			}
			tmp = append(tmp, b.String())
		}
		tmp = append(tmp, output[outputLength:]...)
		return tmp
	}
	return output
}

func pad(s string, width int, start bool) string {
	n := width - displayWidth(s)
	if n <= 0 {
		return s
	}
	if start {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// utf16Len is a string's length in JavaScript, which util.inspect
// compares with the line length: an emoji counts 2.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xffff {
			n++
		}
	}
	return n
}

// displayWidth is the columns a string takes as Node's getStringWidth
// (ICU's) counts them, which util.inspect lays array columns out by:
// wide and fullwidth characters (CJK, emoji) take 2, combining marks,
// format and control characters none, after NFC composition.
func displayWidth(s string) int {
	n := 0
	for i, r := range s {
		if r >= 0x7f {
			return n + icuWidth(norm.NFC.String(s[i:]))
		}
		if r >= 0x20 {
			n++
		}
	}
	return n
}

func icuWidth(s string) int {
	n := 0
	for _, r := range s {
		switch k := width.LookupRune(r).Kind(); {
		case r != 0xad && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Me, unicode.Mn),
			r >= 0x1f3fb && r <= 0x1f3ff: // emoji skin-tone modifiers
		case k == width.EastAsianWide || k == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// moreItems is util.inspect's line for the n items past its limit.
func moreItems(n int) string {
	if n == 1 {
		return "... 1 more item"
	}
	return "... " + strconv.Itoa(n) + " more items"
}

// inspectBufferMax is Node's buffer.INSPECT_MAX_BYTES.
const inspectBufferMax = 50

// inspectBuffer is a Buffer as Node shows it: <Buffer 68 69>, the first
// 50 bytes and a count of the rest.
func inspectBuffer(obj *goja.Object) string {
	n := int(obj.Get("length").ToInteger())
	var b strings.Builder
	b.WriteString("<Buffer")
	for i := range min(n, inspectBufferMax) {
		fmt.Fprintf(&b, " %02x", obj.Get(strconv.Itoa(i)).ToInteger()&0xff)
	}
	if n > inspectBufferMax {
		fmt.Fprintf(&b, " ... %d more byte", n-inspectBufferMax)
		if n-inspectBufferMax != 1 {
			b.WriteString("s")
		}
	}
	if n == 0 {
		b.WriteString(" ")
	}
	b.WriteString(">")
	return b.String()
}
