package sandbox

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// sugarSource is Sugar (sugarjs.com, MIT), the "vedge" build Postman's
// sandbox (postman-sandbox's lib/vendor/sugar.js) loads into every script's
// context: Newman's scripts can call ['a'].none('b'), (56).ordinalize(),
// 'a-beta'.camelize(), fn.once() and the rest.
//
//go:embed sugar.js
var sugarSource string

// sugarProgram is compiled on first use only: the library is 300 kB, and
// compiling and running it takes tens of milliseconds, more than a whole
// short run, so a run none of whose scripts uses it never pays for it.
var sugarProgram = sync.OnceValue(func() *goja.Program {
	p, err := goja.Compile("sugar.js", sugarSource, false)
	if err != nil {
		// The source is a constant covered by the package's tests.
		panic(fmt.Sprintf("sandbox: sugar.js does not compile: %v", err))
	}
	return p
})

// sugarNames lists what Sugar adds to each built-in, as it adds them under
// Node, where postman-sandbox runs it (TestSugarNames checks the list
// against what it adds under goja).
var sugarNames = []struct{ target, names string }{
	{"Array", `SugarMethods extend sugarRestore sugarRevert create AlphanumericSortOrder
		AlphanumericSortIgnoreCase AlphanumericSortEquivalents`},
	{"Array.prototype", `findAll count removeAt include exclude clone unique flatten union intersect subtract
		first last from to min max least most sum average inGroups inGroupsOf isEmpty sortBy
		randomize zip sample each add remove compact groupBy none all any insert`},
	{"String", `SugarMethods extend sugarRestore sugarRevert Inflector`},
	{"String.prototype", `escapeRegExp escapeURL unescapeURL escapeHTML unescapeHTML encodeBase64 decodeBase64
		each shift codes chars words lines paragraphs isBlank has add remove reverse compact
		from to dasherize underscore camelize spacify stripTags removeTags truncate pad padLeft
		padRight first last toNumber capitalize assign insert pluralize singularize humanize
		titleize parameterize hankaku zenkaku hiragana katakana isArabic hasArabic isCyrillic
		hasCyrillic isDevanagari hasDevanagari isGreek hasGreek isHangul hasHangul isHan hasHan
		isKanji hasKanji isHebrew hasHebrew isHiragana hasHiragana isKana hasKana isKatakana
		hasKatakana isLatin hasLatin isThai hasThai`},
	{"Number", `SugarMethods extend sugarRestore sugarRevert random`},
	{"Number.prototype", `duration year years yearBefore yearsBefore yearAgo yearsAgo yearAfter yearsAfter
		yearFromNow yearsFromNow month months monthBefore monthsBefore monthAgo monthsAgo
		monthAfter monthsAfter monthFromNow monthsFromNow week weeks weekBefore weeksBefore
		weekAgo weeksAgo weekAfter weeksAfter weekFromNow weeksFromNow day days dayBefore
		daysBefore dayAgo daysAgo dayAfter daysAfter dayFromNow daysFromNow hour hours
		hourBefore hoursBefore hourAgo hoursAgo hourAfter hoursAfter hourFromNow hoursFromNow
		minute minutes minuteBefore minutesBefore minuteAgo minutesAgo minuteAfter minutesAfter
		minuteFromNow minutesFromNow second seconds secondBefore secondsBefore secondAgo
		secondsAgo secondAfter secondsAfter secondFromNow secondsFromNow millisecond
		milliseconds millisecondBefore millisecondsBefore millisecondAgo millisecondsAgo
		millisecondAfter millisecondsAfter millisecondFromNow millisecondsFromNow log abbr
		metric bytes isInteger isOdd isEven isMultipleOf format hex upto downto times chr pad
		ordinalize toNumber round floor ceil abs pow sin asin cos acos tan atan exp sqrt`},
	{"Date", `SugarMethods extend sugarRestore sugarRevert create past future addLocale setLocale
		getLocale addFormat utc RFC1123 RFC1036 ISO8601_DATE ISO8601_DATETIME range`},
	{"Date.prototype", `set setWeekday setISOWeek getISOWeek getUTCOffset utc isUTC advance rewind isValid
		isAfter isBefore isBetween isLeapYear daysInMonth format relative is reset clone iso
		getWeekday getUTCWeekday yearsAgo yearsUntil yearsSince yearsFromNow addYears isLastYear
		isThisYear isNextYear beginningOfYear endOfYear monthsAgo monthsUntil monthsSince
		monthsFromNow addMonths isLastMonth isThisMonth isNextMonth beginningOfMonth endOfMonth
		weeksAgo weeksUntil weeksSince weeksFromNow addWeeks isLastWeek isThisWeek isNextWeek
		beginningOfWeek endOfWeek daysAgo daysUntil daysSince daysFromNow addDays beginningOfDay
		endOfDay hoursAgo hoursUntil hoursSince hoursFromNow addHours minutesAgo minutesUntil
		minutesSince minutesFromNow addMinutes secondsAgo secondsUntil secondsSince
		secondsFromNow addSeconds millisecondsAgo millisecondsUntil millisecondsSince
		millisecondsFromNow addMilliseconds short long full isToday isYesterday isTomorrow
		isWeekday isWeekend isFuture isPast isSunday isMonday isTuesday isWednesday isThursday
		isFriday isSaturday isJanuary isFebruary isMarch isApril isMay isJune isJuly isAugust
		isSeptember isOctober isNovember isDecember`},
	{"Function", `SugarMethods extend sugarRestore sugarRevert`},
	{"Function.prototype", `lazy delay throttle debounce cancel after once fill`},
	{"RegExp", `SugarMethods extend sugarRestore sugarRevert escape`},
	{"RegExp.prototype", `getFlags setFlags addFlag removeFlag`},
	{"Object", `SugarMethods extend sugarRestore sugarRevert map reduce each size any all none count
		find findAll isEmpty sum average min max least most watch isObject isNaN equal extended
		merge clone fromQueryString toQueryString tap has select reject isArray isBoolean isDate
		isFunction isNumber isString isRegExp`},
	{"Boolean", `SugarMethods extend sugarRestore sugarRevert`},
}

// sugarIndex maps each name in sugarNames to the built-ins Sugar adds it to.
var sugarIndex = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, t := range sugarNames {
		for _, name := range strings.Fields(t.names) {
			m[name] = append(m[name], t.target)
		}
	}
	return m
})

// sugarPlacerSource evaluates to a function (load) returning
// place(target, name): place gives a built-in ("Array.prototype") a
// placeholder accessor for one of Sugar's names, which calls load on its
// first read. A name the built-in already has (goja's own methods, the
// bootstrap's String#has) is left alone until Sugar itself is loaded.
const sugarPlacerSource = `(function (load) {
var define = Object.defineProperty, descriptor = Object.getOwnPropertyDescriptor,
    hasOwn = Object.prototype.hasOwnProperty, placed = [];

function loadSugar() {
    if (placed === null) { return; }
    // Sugar reads each name before defining it, and would load itself
    // again from inside; a value a script put in place of a placeholder
    // stays, as it would over Sugar's own method.
    for (var i = 0; i < placed.length; i += 3) {
        var d = descriptor(placed[i], placed[i + 1]);
        if (d && d.get === placed[i + 2]) { delete placed[i][placed[i + 1]]; }
    }
    placed = null;
    load();
}

return function place(target, name) {
    var dot = target.indexOf('.'), holder = globalThis[dot < 0 ? target : target.slice(0, dot)];
    if (dot >= 0) { holder = holder.prototype; }
    if (placed === null || hasOwn.call(holder, name)) { return; }
    var d = {
        get() { loadSugar(); return holder[name]; },
        // Assigning to a name an object inherits from a placeholder makes
        // an own property of the object, as assigning over Sugar's
        // writable method would.
        set(v) {
            if (this !== null && (typeof this === 'object' || typeof this === 'function')) {
                define(this, name, { value: v, writable: true, enumerable: true, configurable: true });
            }
        },
        enumerable: false,
        configurable: true
    };
    define(holder, name, d);
    placed.push(holder, name, d.get);
};
})`

var sugarPlacer = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("colrun-sugar.js", sugarPlacerSource, true)
})

// sugarState is a runtime's share of Sugar: which of its names have a
// placeholder, and whether it is loaded.
type sugarState struct {
	place  goja.Callable
	placed map[string]bool
	// loads counts the times Sugar was loaded: at most once, and only
	// when a script reads one of its names.
	loads int
}

// placeSugar gives the built-ins a placeholder for each of Sugar's names
// that source spells out (as a property, a string or anywhere else), so
// that reading one loads Sugar, as scripts see its methods in Newman. Only
// the names a script mentions get one: all 430 would take milliseconds
// from every run's start, and a name no script spells out is read only by
// library code, which does not rely on Sugar.
func (s *Sandbox) placeSugar(source string) {
	sg := &s.sugar
	if sg.loads > 0 {
		return
	}
	index := sugarIndex()
	for i := 0; i < len(source); {
		c := source[i]
		if !isIdentStart(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(source) && (isIdentStart(source[j]) || source[j] >= '0' && source[j] <= '9') {
			j++
		}
		if targets, ok := index[source[i:j]]; ok && !sg.placed[source[i:j]] {
			s.placeSugarName(source[i:j], targets)
		}
		i = j
	}
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

func (s *Sandbox) placeSugarName(name string, targets []string) {
	sg := &s.sugar
	rt := s.rt
	if sg.place == nil {
		v, err := rt.RunProgram(sugarPlacer())
		if err != nil {
			panic(fmt.Sprintf("sandbox: sugar placeholders failed: %v", err))
		}
		outer, _ := goja.AssertFunction(v)
		load := rt.ToValue(func(goja.FunctionCall) goja.Value {
			sg.loads++
			if _, err := rt.RunProgram(sugarProgram()); err != nil {
				panic(rt.NewGoError(err))
			}
			return goja.Undefined()
		})
		pv, err := outer(goja.Undefined(), load)
		if err != nil {
			panic(fmt.Sprintf("sandbox: sugar placeholders failed: %v", err))
		}
		sg.place, _ = goja.AssertFunction(pv)
		sg.placed = map[string]bool{}
	}
	sg.placed[name] = true
	nv := rt.ToValue(name)
	for _, t := range targets {
		if _, err := sg.place(goja.Undefined(), rt.ToValue(t), nv); err != nil {
			panic(fmt.Sprintf("sandbox: sugar placeholder %s.%s failed: %v", t, name, err))
		}
	}
}
