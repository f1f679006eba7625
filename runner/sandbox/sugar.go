package sandbox

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// sugarSource is colrun's own implementation of the Sugar 1.x methods
// Postman collections call (['a'].none('b'), (56).ordinalize(),
// 'a-beta'.camelize(), fn.once(), Date.create() ...): postman-sandbox loads
// Sugar into every script's context, so Newman runs such scripts where a
// plain JavaScript engine throws a TypeError.
//
//go:embed sugar_methods.js
var sugarSource string

// sugarProgram is compiled on first use only, so a run whose scripts call
// none of the methods never compiles it.
var sugarProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("colrun-sugar.js", sugarSource, true)
})

// sugarNames lists every name sugar_methods.js adds to a built-in
// (TestSugarNames checks the list against the script).
var sugarNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`
		any all none count findAll unique first last from to sum average min max compact flatten
		exclude remove removeAt include add insert clone isEmpty union intersect subtract groupBy
		sortBy sample randomize inGroupsOf inGroups zip
		camelize capitalize dasherize underscore spacify humanize titleize parameterize truncate
		words lines chars isBlank shift reverse toNumber escapeRegExp escapeURL unescapeURL escapeHTML
		stripTags removeTags assign encodeBase64 decodeBase64 unescapeHTML codes padLeft padRight
		ordinalize isOdd isEven isMultipleOf isInteger times upto downto pad chr hex round ceil
		floor abs format random pow sqrt exp sin asin cos acos tan atan
		create isValid isAfter isBefore isBetween isFuture isPast addDays addHours addMinutes
		addSeconds addMilliseconds addMonths addYears iso
		once after fill escape
		isArray isBoolean isDate isFunction isNumber isString isRegExp isObject isNaN equal has
		size merge each toQueryString fromQueryString tap
		getUTCOffset addWeeks RFC1123 RFC1036 ISO8601_DATE ISO8601_DATETIME
		beginningOfDay beginningOfWeek beginningOfMonth beginningOfYear endOfDay endOfWeek endOfMonth
		endOfYear isToday isYesterday isTomorrow isWeekday isWeekend isLeapYear daysInMonth getWeekday
		getISOWeek short long full select reject`) {
		m[n] = true
	}
	// Sugar's number-to-date aliases: (2).days(), (1).daysAfter(d), (3).hoursAgo() ...
	// and the dates' d.daysSince(x), d.hoursUntil(x).
	for _, unit := range strings.Fields("millisecond second minute hour day week month year") {
		for _, plural := range []string{"", "s"} {
			for _, suffix := range []string{"", "Before", "Ago", "After", "FromNow"} {
				m[unit+plural+suffix] = true
			}
		}
		m[unit+"sSince"] = true
		m[unit+"sUntil"] = true
	}
	// Date#isSunday ... isSaturday, isJanuary ... isDecember.
	for _, name := range strings.Fields(`Sunday Monday Tuesday Wednesday Thursday Friday Saturday January
		February March April May June July August September October November December`) {
		m["is"+name] = true
	}
	return m
})

// installSugar adds the Sugar methods to the runtime's built-ins the first
// time a script calls one of them by name (a name followed by "("), so
// scripts that call none pay nothing. Reading a method without calling
// it (arr.map(String.prototype.camelize)) in a script that calls none
// still finds it missing: no collection seen does that.
func (s *Sandbox) installSugar(c *compiled) {
	if s.sugared || !c.callsSugar {
		return
	}
	s.sugared = true
	if _, err := s.rt.RunProgram(sugarProgram()); err != nil {
		// The source is a constant covered by the package's tests.
		panic(fmt.Sprintf("sandbox: sugar_methods.js failed: %v", err))
	}
}

// callsSugar reports whether source calls one of sugarNames. Installing
// takes about half a millisecond, once per run.
func callsSugar(source string) bool {
	names := sugarNames()
	for i := 0; i < len(source); {
		if !isSugarIdent(source[i], false) {
			i++
			continue
		}
		j := i + 1
		for j < len(source) && isSugarIdent(source[j], true) {
			j++
		}
		k := j
		for k < len(source) && (source[k] == ' ' || source[k] == '\t' || source[k] == '\n' || source[k] == '\r') {
			k++
		}
		// Math.round(), Math.random() and lodash's _.first() are not Sugar's,
		// nor chai's .to.equal() and .to.include(), nor pm.environment.has().
		if k < len(source) && source[k] == '(' && (names[source[i:j]] || sugarES5[source[i:j]] && i > 0 && source[i-1] == '.' && literalFirst(source[k+1:])) && !notSugarReceiver(source[:i]) {
			return true
		}
		i = j
	}
	return false
}

// sugarES5 are the built-in array methods Sugar lets take a property
// name or a value to match instead of a function (items.map('id'),
// items.filter({active: true})).
var sugarES5 = map[string]bool{"map": true, "filter": true, "some": true, "every": true}

// literalFirst reports whether a call's arguments, args, start with a
// literal that is not a function: a string, an object, a regular
// expression, a number, null or undefined. An argument given as a name
// is most likely a function, and does not install Sugar.
func literalFirst(args string) bool {
	args = strings.TrimLeft(args, " \t\r\n")
	if args == "" {
		return false
	}
	switch c := args[0]; {
	case c == '\'' || c == '"' || c == '`' || c == '{' || c == '/' || c >= '0' && c <= '9':
		return true
	}
	for _, w := range []string{"null", "undefined"} {
		if rest, ok := strings.CutPrefix(args, w); ok && (rest == "" || !isSugarIdent(rest[0], true)) {
			return true
		}
	}
	return false
}

// notSugarReceiver reports whether the text before a method name shows
// the call is on an object that has a method of that name of its own, so
// that the common `pm.expect(x).to.equal(1)` does not install Sugar.
func notSugarReceiver(before string) bool {
	if strings.HasSuffix(before, "Math.") || strings.HasSuffix(before, "_.") {
		return true
	}
	for _, p := range []string{"pm.environment.", "pm.globals.", "pm.variables.", "pm.collectionVariables.", "pm.iterationData.", "headers."} {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	// A chai language chain or flag word right before the name: the
	// assertion's own method (equal, include, ...), not Sugar's.
	if !strings.HasSuffix(before, ".") {
		return false
	}
	w := strings.TrimSuffix(before, ".")
	start := len(w)
	for start > 0 && isSugarIdent(w[start-1], true) {
		start--
	}
	return start > 0 && w[start-1] == '.' && chaiChainWords[w[start:]]
}

// chaiChainWords are chai's language chains and flags, which return the
// assertion itself.
var chaiChainWords = map[string]bool{
	"to": true, "be": true, "been": true, "is": true, "that": true, "which": true, "and": true,
	"has": true, "have": true, "with": true, "at": true, "of": true, "same": true, "but": true,
	"does": true, "still": true, "also": true, "not": true, "deep": true, "nested": true,
	"own": true, "ordered": true, "any": true, "all": true, "itself": true,
}

func isSugarIdent(c byte, digits bool) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || digits && c >= '0' && c <= '9'
}
