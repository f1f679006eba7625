package sandbox

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Newman runs scripts in Node, whose Date and Number methods format with
// ICU in the default locale en-US; goja formats Dates in British order
// with Go's zone abbreviations ("01/01/1970, 00:00:00", "(CET)") and
// Number.prototype.toLocaleString as toString, which throws for a locale
// argument. Scripts put these strings into requests
// (pm.environment.set('today', new Date().toLocaleDateString())), so the
// methods are replaced with ones giving Node's strings for the en-US,
// en-GB and de-DE formats, the default formats of the locales in
// datepatterns.go, and Number's currency and percent styles
// (numberlocale.go). Intl is not replaced: Newman's sandbox has none
// either.

// localZone is what the process's time.Local is called in the tz database,
// found as Go finds time.Local: from TZ, else /etc/localtime.
var localZone = sync.OnceValue(func() string {
	tz, ok := os.LookupEnv("TZ")
	if ok {
		if tz == "" {
			return "UTC"
		}
		return strings.TrimPrefix(tz, ":")
	}
	target, err := filepath.EvalSymlinks("/etc/localtime")
	if err != nil {
		return "UTC"
	}
	if _, name, found := strings.Cut(target, "zoneinfo/"); found {
		return name
	}
	return ""
})

// zoneLongName is ICU's en-US long name for the zone in effect at t (in
// the zone called zone in the tz database), as Date.prototype.toString
// prints it: "Central European Standard Time" in winter, "... Summer Time"
// in summer. Zones ICU names nothing get "GMT+03:00", as V8 prints them.
func zoneLongName(t time.Time, zone string) string {
	if names, ok := zoneNamesByID[zone]; ok {
		if t.IsDST() && names[1] != "" {
			return names[1]
		}
		return names[0]
	}
	abbr, offset := t.Zone()
	if name, ok := zoneNamesByAbbr[abbr+"/"+strconv.Itoa(offset)]; ok {
		return name
	}
	if offset == 0 {
		return "GMT"
	}
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	return fmt.Sprintf("GMT%c%02d:%02d", sign, offset/3600, offset/60%60)
}

// zoneNamesByID holds ICU's standard and daylight names of zones that
// Go's abbreviations cannot tell apart (GMT is UTC in Etc/GMT and Greenwich
// Mean Time in London; CST is China or Taiwan at +08) or that have only a
// numeric abbreviation ("+03"). Read from Node 20 (Newman 6.2.2's runtime).
var zoneNamesByID = map[string][2]string{
	"UTC":                            {"Coordinated Universal Time"},
	"Etc/UTC":                        {"Coordinated Universal Time"},
	"Etc/UCT":                        {"Coordinated Universal Time"},
	"UCT":                            {"Coordinated Universal Time"},
	"Etc/Universal":                  {"Coordinated Universal Time"},
	"Universal":                      {"Coordinated Universal Time"},
	"Etc/Zulu":                       {"Coordinated Universal Time"},
	"Zulu":                           {"Coordinated Universal Time"},
	"Etc/GMT":                        {"Coordinated Universal Time"},
	"GMT":                            {"Coordinated Universal Time"},
	"Asia/Shanghai":                  {"China Standard Time"},
	"PRC":                            {"China Standard Time"},
	"Asia/Taipei":                    {"Taiwan Standard Time"},
	"Asia/Manila":                    {"Philippine Standard Time"},
	"Europe/Istanbul":                {"Türkiye Standard Time"},
	"Asia/Dubai":                     {"Gulf Standard Time"},
	"Asia/Dhaka":                     {"Bangladesh Standard Time"},
	"Asia/Bangkok":                   {"Indochina Time"},
	"Asia/Ho_Chi_Minh":               {"Indochina Time"},
	"Asia/Singapore":                 {"Singapore Standard Time"},
	"Asia/Kuala_Lumpur":              {"Malaysia Time"},
	"Asia/Yerevan":                   {"Armenia Standard Time"},
	"Asia/Kathmandu":                 {"Nepal Time"},
	"America/Sao_Paulo":              {"Brasilia Standard Time"},
	"America/Argentina/Buenos_Aires": {"Argentina Standard Time"},
	"America/Buenos_Aires":           {"Argentina Standard Time"},
	"America/Bogota":                 {"Colombia Standard Time"},
	"America/Lima":                   {"Peru Standard Time"},
	"America/Santiago":               {"Chile Standard Time", "Chile Summer Time"},
}

// zoneNamesByAbbr holds ICU's long names by Go's abbreviation and UTC
// offset in seconds, for the zones whose abbreviation says which they are.
var zoneNamesByAbbr = map[string]string{
	"UTC/0":       "Coordinated Universal Time",
	"GMT/0":       "Greenwich Mean Time",
	"BST/3600":    "British Summer Time",
	"IST/3600":    "Irish Standard Time",
	"WET/0":       "Western European Standard Time",
	"WEST/3600":   "Western European Summer Time",
	"CET/3600":    "Central European Standard Time",
	"CEST/7200":   "Central European Summer Time",
	"EET/7200":    "Eastern European Standard Time",
	"EEST/10800":  "Eastern European Summer Time",
	"MSK/10800":   "Moscow Standard Time",
	"SAST/7200":   "South Africa Standard Time",
	"WAT/3600":    "West Africa Time",
	"EAT/10800":   "East Africa Time",
	"PKT/18000":   "Pakistan Standard Time",
	"IST/19800":   "India Standard Time",
	"WIB/25200":   "Western Indonesia Time",
	"HKT/28800":   "Hong Kong Standard Time",
	"KST/32400":   "Korean Standard Time",
	"JST/32400":   "Japan Standard Time",
	"IST/7200":    "Israel Standard Time",
	"IDT/10800":   "Israel Daylight Time",
	"AWST/28800":  "Australian Western Standard Time",
	"ACST/34200":  "Australian Central Standard Time",
	"ACDT/37800":  "Australian Central Daylight Time",
	"AEST/36000":  "Australian Eastern Standard Time",
	"AEDT/39600":  "Australian Eastern Daylight Time",
	"NZST/43200":  "New Zealand Standard Time",
	"NZDT/46800":  "New Zealand Daylight Time",
	"HST/-36000":  "Hawaii-Aleutian Standard Time",
	"AKST/-32400": "Alaska Standard Time",
	"AKDT/-28800": "Alaska Daylight Time",
	"PST/-28800":  "Pacific Standard Time",
	"PDT/-25200":  "Pacific Daylight Time",
	"MST/-25200":  "Mountain Standard Time",
	"MDT/-21600":  "Mountain Daylight Time",
	"CST/-21600":  "Central Standard Time",
	"CDT/-18000":  "Central Daylight Time",
	"EST/-18000":  "Eastern Standard Time",
	"EDT/-14400":  "Eastern Daylight Time",
	"AST/-14400":  "Atlantic Standard Time",
	"ADT/-10800":  "Atlantic Daylight Time",
	"NST/-12600":  "Newfoundland Standard Time",
	"NDT/-9000":   "Newfoundland Daylight Time",
}

// Locales colrun formats as ICU does; any other locale gets en-US, which is
// also what ICU falls back to for a locale it has no data for.
const (
	localeUS = iota
	localeGB
	localeDE
)

// localeKind is the format family of a lower-case locale tag.
func localeKind(tag string) int {
	switch {
	case tag == "en-gb":
		return localeGB
	case tag == "de" || strings.HasPrefix(tag, "de-"):
		return localeDE
	}
	return localeUS
}

// dateLocale is the part of a locale's date format colrun knows.
type dateLocale struct {
	kind int
	// pattern is the default format of a locale other than en-US, en-GB
	// and de-DE that colrun knows (datepatterns.go); component options
	// fall back to it.
	pattern *datePattern
	hour24  bool // hour12: false
	// h23 is hourCycle: 'h23' (midnight is 00, where hour12: false gives 24).
	h23 bool
	// The en-US time components (hour, minute, second: "numeric" or
	// "2-digit") and dateStyle/timeStyle ("full", "long", "medium",
	// "short") colrun formats.
	hour, minute, second string
	dateStyle, timeStyle string
	loc                  *time.Location
	// The date component options ("long", "2-digit", ...), set only for
	// the en-US combinations componentDate formats.
	weekday, year, month, day string
}

// localeTag matches what ICU accepts as a locale well enough to reject
// what Node rejects with "Incorrect locale information provided".
var localeTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// zoneCache keeps the zones named by timeZone options: loading one reads
// the tz database.
var zoneCache sync.Map

// installDates replaces the locale- and zone-dependent Date and Number
// methods of rt with Node's en-US ones; loc is the runtime's local zone and
// zone its tz database name. It runs once per runtime, at setup.
func installDates(rt *goja.Runtime, loc *time.Location, zone string) {
	dateProto := rt.Get("Date").ToObject(rt).Get("prototype").ToObject(rt)
	numberProto := rt.Get("Number").ToObject(rt).Get("prototype").ToObject(rt)

	thisTime := func(call goja.FunctionCall, method string) (time.Time, bool) {
		if obj, ok := call.This.(*goja.Object); ok && obj.ClassName() == "Date" {
			t, ok := obj.Export().(time.Time)
			return t, ok
		}
		panic(rt.NewTypeError("Method Date.prototype.%s called on incompatible receiver %s", method, receiver(call.This)))
	}
	invalid := rt.ToValue("Invalid Date")
	zoneString := func(t time.Time) string {
		return t.Format("GMT-0700 (") + zoneLongName(t, zone) + ")"
	}
	// Each method's format, given the Date's time in the zone it prints.
	methods := []struct {
		name   string
		locale bool
		format func(t time.Time, l dateLocale) string
	}{
		{"toString", false, func(t time.Time, _ dateLocale) string {
			return t.Format("Mon Jan 02 2006 15:04:05 ") + zoneString(t)
		}},
		{"toTimeString", false, func(t time.Time, _ dateLocale) string {
			return t.Format("15:04:05 ") + zoneString(t)
		}},
		{"toLocaleString", true, func(t time.Time, l dateLocale) string {
			if s, ok := styledDate(t, l, true, true); ok {
				return s
			}
			if l.hour != "" {
				if !l.hasComponents() {
					return componentTime(t, l)
				}
				return componentDate(t, l) + dateTimeSep(l) + componentTime(t, l)
			}
			if l.hasComponents() {
				// Date components alone ask for the date alone.
				return componentDate(t, l)
			}
			if l.pattern != nil {
				return localeDate(t, l) + l.pattern.sep + localeTime(t, l)
			}
			return localeDate(t, l) + ", " + localeTime(t, l)
		}},
		{"toLocaleDateString", true, func(t time.Time, l dateLocale) string {
			if s, ok := styledDate(t, l, true, false); ok {
				return s
			}
			if l.hour != "" {
				return localeDate(t, l) + dateTimeSep(l) + componentTime(t, l)
			}
			return localeDate(t, l)
		}},
		{"toLocaleTimeString", true, func(t time.Time, l dateLocale) string {
			if s, ok := styledDate(t, l, false, true); ok {
				return s
			}
			if l.hour != "" {
				if l.hasComponents() {
					return componentDate(t, l) + dateTimeSep(l) + componentTime(t, l)
				}
				return componentTime(t, l)
			}
			if l.hasComponents() {
				sep := ", "
				switch {
				case l.month == "long":
					sep = " at "
				case l.year == "" && l.month == "" && l.day == "":
					sep = " "
				}
				return componentDate(t, l) + sep + localeTime(t, l)
			}
			return localeTime(t, l)
		}},
	}
	for _, m := range methods {
		m := m
		fn := func(call goja.FunctionCall) goja.Value {
			t, ok := thisTime(call, m.name)
			l := dateLocale{loc: loc}
			if m.locale {
				l = parseDateLocale(rt, m.name, call.Argument(0), call.Argument(1), loc)
			}
			if !ok {
				return invalid
			}
			return rt.ToValue(m.format(t.In(l.loc), l))
		}
		defineMethod(rt, dateProto, m.name, fn, 0)
	}
	defineMethod(rt, numberProto, "toLocaleString", func(call goja.FunctionCall) goja.Value {
		var f float64
		switch v := call.This.(type) {
		case *goja.Object:
			if v.ClassName() != "Number" {
				panic(rt.NewTypeError("Number.prototype.toLocaleString requires that 'this' be a Number"))
			}
			f = v.ToFloat()
		default:
			if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
				panic(rt.NewTypeError("Number.prototype.toLocaleString requires that 'this' be a Number"))
			}
			if _, isNum := v.Export().(int64); !isNum {
				if _, isNum = v.Export().(float64); !isNum {
					panic(rt.NewTypeError("Number.prototype.toLocaleString requires that 'this' be a Number"))
				}
			}
			f = v.ToFloat()
		}
		o := parseNumberOptions(rt, call.Argument(1), checkLocale(rt, call.Argument(0)))
		return rt.ToValue(formatNumber(f, o))
	}, 0)
}

// receiver names a value as V8's incompatible-receiver TypeError does.
func receiver(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		return v.String()
	}
	name := "Object"
	if c, ok := obj.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}

// defineMethod installs fn as a built-in method: not enumerable, so for-in
// over a Date or Number lists nothing, and named as in Node.
func defineMethod(rt *goja.Runtime, proto *goja.Object, name string, fn func(goja.FunctionCall) goja.Value, length int) {
	f := rt.ToValue(fn).ToObject(rt)
	_ = f.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = f.DefineDataProperty("length", rt.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// checkLocale throws Node's RangeError for a locale ICU would not parse
// and returns the first requested locale in lower case ("" for none).
func checkLocale(rt *goja.Runtime, v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return ""
	}
	var first string
	var tags []string
	if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Array" {
		for _, k := range obj.Keys() {
			tags = append(tags, obj.Get(k).String())
		}
	} else {
		tags = append(tags, v.String())
	}
	for i, s := range tags {
		if !localeTag.MatchString(s) {
			panic(rangeError(rt, "Incorrect locale information provided"))
		}
		if i == 0 {
			first = strings.ToLower(s)
		}
	}
	return first
}

func rangeError(rt *goja.Runtime, msg string) *goja.Object {
	ctor := rt.Get("RangeError").ToObject(rt)
	obj, err := rt.New(ctor, rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return obj
}

// parseDateLocale reads a toLocale*String call's locales and options: the
// en-GB and de-DE orders, hour12, timeZone and the en-US date components
// componentsSupported lists. Other options (hour, minute, timeZoneName,
// dateStyle, ...) are not supported and leave the default format.
func parseDateLocale(rt *goja.Runtime, method string, locales, options goja.Value, loc *time.Location) dateLocale {
	tag := checkLocale(rt, locales)
	l := dateLocale{kind: localeKind(tag), loc: loc}
	if l.kind == localeUS && tag != "" && tag != "en-us" && tag != "en" {
		l.pattern = patternFor(tag)
	}
	opts, ok := options.(*goja.Object)
	if !ok {
		return l
	}
	if v := opts.Get("hour12"); v != nil && !goja.IsUndefined(v) {
		l.hour24 = !v.ToBoolean()
	}
	component := func(name string, allowed ...string) string {
		v := opts.Get(name)
		if v == nil || goja.IsUndefined(v) {
			return ""
		}
		s := v.String()
		for _, a := range allowed {
			if s == a {
				return s
			}
		}
		panic(rangeError(rt, fmt.Sprintf("Value %s out of range for Date.prototype.%s options property %s", s, method, name)))
	}
	l.weekday = component("weekday", "long", "short", "narrow")
	l.year = component("year", "numeric", "2-digit")
	l.month = component("month", "numeric", "2-digit", "long", "short", "narrow")
	l.day = component("day", "numeric", "2-digit")
	l.hour = component("hour", "numeric", "2-digit")
	l.minute = component("minute", "numeric", "2-digit")
	l.second = component("second", "numeric", "2-digit")
	l.dateStyle = component("dateStyle", "full", "long", "medium", "short")
	l.timeStyle = component("timeStyle", "full", "long", "medium", "short")
	l.h23 = component("hourCycle", "h11", "h12", "h23", "h24") == "h23"
	checkDateStyles(rt, method, l)
	timeParts := false
	for _, name := range []string{"timeZoneName", "era", "dayPeriod", "fractionalSecondDigits"} {
		if v := opts.Get(name); v != nil && !goja.IsUndefined(v) {
			timeParts = true
		}
	}
	if l.hour == "" && (l.minute != "" || l.second != "") {
		timeParts = true
	}
	if l.numericDMY() && !timeParts && l.hour == "" && l.dateStyle == "" && l.timeStyle == "" {
		// en-GB and de-DE all-numeric dates: componentDate writes them.
	} else if l.kind != localeUS || l.pattern != nil || timeParts || !l.componentsSupported() {
		// Formats colrun does not know fall back to the default one.
		l.weekday, l.year, l.month, l.day = "", "", "", ""
		l.hour, l.minute, l.second, l.dateStyle, l.timeStyle = "", "", "", "", ""
	}
	if v := opts.Get("timeZone"); v != nil && !goja.IsUndefined(v) {
		name := v.String()
		if strings.EqualFold(name, "UTC") || strings.EqualFold(name, "Etc/UTC") || strings.EqualFold(name, "GMT") {
			l.loc = time.UTC
		} else if z, ok := zoneCache.Load(name); ok {
			l.loc = z.(*time.Location)
		} else if z, err := time.LoadLocation(name); err == nil && name != "" && name != "Local" {
			zoneCache.Store(name, z)
			l.loc = z
		} else {
			panic(rangeError(rt, "Invalid time zone specified: "+name))
		}
	}
	if (l.timeStyle == "full" || l.timeStyle == "long") && l.loc != time.UTC {
		// colrun names no zone but UTC as ICU does.
		l.dateStyle, l.timeStyle = "", ""
	}
	return l
}

// localeYear is the year as ICU's Gregorian calendar numbers it: years
// before 1 count back from 1 BC.
func localeYear(y int) string {
	if y <= 0 {
		y = 1 - y
	}
	return strconv.Itoa(y)
}

func localeDate(t time.Time, l dateLocale) string {
	if l.hasComponents() {
		return componentDate(t, l)
	}
	if l.pattern != nil {
		return l.pattern.format(l.pattern.date, t)
	}
	switch l.kind {
	case localeGB:
		return fmt.Sprintf("%02d/%02d/%s", t.Day(), int(t.Month()), localeYear(t.Year()))
	case localeDE:
		return strconv.Itoa(t.Day()) + "." + strconv.Itoa(int(t.Month())) + "." + localeYear(t.Year())
	}
	return strconv.Itoa(int(t.Month())) + "/" + strconv.Itoa(t.Day()) + "/" + localeYear(t.Year())
}

func localeTime(t time.Time, l dateLocale) string {
	if l.pattern != nil {
		return l.pattern.format(l.pattern.time, t)
	}
	if l.kind != localeUS {
		return t.Format("15:04:05")
	}
	if l.hour24 {
		// ICU's en-US 24-hour pattern counts hours 1-24 (V8 resolves
		// hour12: false to hourCycle h24): midnight is "24:00:00".
		h := t.Hour()
		if h == 0 {
			h = 24
		}
		return fmt.Sprintf("%02d", h) + t.Format(":04:05")
	}
	return t.Format("3:04:05 PM")
}

// numberOptions are the Intl.NumberFormat options colrun honours.
type numberOptions struct {
	minFraction, maxFraction int
	grouping                 bool
	group, point             byte // the separators: ',' and '.' in en-US
	// indian groups by two above the thousands (en-IN: 12,34,567).
	indian bool
	// minInteger pads the integer digits with zeros (minimumIntegerDigits).
	minInteger int
	// scale moves the decimal point right (2 for percent), prefix and
	// suffix are the style's ("$", "%", "\u00a0€").
	scale          int
	prefix, suffix string
}

func parseNumberOptions(rt *goja.Runtime, options goja.Value, tag string) numberOptions {
	o := numberOptions{maxFraction: 3, grouping: true, group: ',', point: '.', minInteger: 1}
	kind := localeKind(tag)
	if kind == localeDE {
		o.group, o.point = '.', ','
	}
	o.indian = tag == "en-in"
	opts, ok := options.(*goja.Object)
	if !ok {
		return o
	}
	styleNumber(rt, &o, opts, kind)
	defMin, defMax := o.minFraction, o.maxFraction
	digits := func(name string) (int, bool) {
		v := opts.Get(name)
		if v == nil || goja.IsUndefined(v) {
			return 0, false
		}
		f := v.ToFloat()
		if math.IsNaN(f) || f < 0 || f > 100 {
			panic(rangeError(rt, name+" value is out of range."))
		}
		return int(f), true
	}
	minF, hasMin := digits("minimumFractionDigits")
	maxF, hasMax := digits("maximumFractionDigits")
	switch {
	case hasMin && hasMax:
		if minF > maxF {
			panic(rangeError(rt, "maximumFractionDigits value is out of range."))
		}
		o.minFraction, o.maxFraction = minF, maxF
	case hasMin:
		o.minFraction, o.maxFraction = minF, max(minF, defMax)
	case hasMax:
		o.minFraction, o.maxFraction = min(defMin, maxF), maxF
	}
	if v := opts.Get("minimumIntegerDigits"); v != nil && !goja.IsUndefined(v) {
		f := v.ToFloat()
		if math.IsNaN(f) || f < 1 || f > 21 {
			panic(rangeError(rt, "minimumIntegerDigits value is out of range."))
		}
		o.minInteger = int(f)
	}
	if v := opts.Get("useGrouping"); v != nil && !goja.IsUndefined(v) {
		o.grouping = v.ToBoolean()
	}
	return o
}

// formatNumber formats f as ICU's en-US decimal format does: the shortest
// decimal that reads back as f (what JavaScript prints), rounded half away
// from zero to maxFraction digits, with thousands separators.
func formatNumber(f float64, o numberOptions) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "∞"
	case math.IsInf(f, -1):
		return "-∞"
	}
	neg := math.Signbit(f)
	s := strconv.FormatFloat(math.Abs(f), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	if o.scale > 0 {
		// Scaled in decimal, as ICU scales: 0.145 is 14.5%, not 14.499...
		for len(frac) < o.scale {
			frac += "0"
		}
		intPart, frac = strings.TrimLeft(intPart+frac[:o.scale], "0"), frac[o.scale:]
		if intPart == "" {
			intPart = "0"
		}
	}
	if len(frac) > o.maxFraction {
		roundUp := frac[o.maxFraction] >= '5'
		digits := []byte(intPart + frac[:o.maxFraction])
		if roundUp {
			i := len(digits) - 1
			for ; i >= 0; i-- {
				if digits[i] == '9' {
					digits[i] = '0'
					continue
				}
				digits[i]++
				break
			}
			if i < 0 {
				digits = append([]byte{'1'}, digits...)
			}
		}
		intPart = string(digits[:len(digits)-o.maxFraction])
		frac = string(digits[len(digits)-o.maxFraction:])
	}
	frac = strings.TrimRight(frac, "0")
	for len(frac) < o.minFraction {
		frac += "0"
	}
	for len(intPart) < o.minInteger {
		intPart = "0" + intPart
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(o.prefix)
	for i, c := range intPart {
		if o.grouping && i > 0 && groupBefore(len(intPart)-i, o.indian) {
			b.WriteByte(o.group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(o.point)
		b.WriteString(frac)
	}
	b.WriteString(o.suffix)
	return b.String()
}

// groupBefore reports whether a group separator goes before the digit
// with left digits from it to the decimal point: every three, or in the
// Indian system three and then every two.
func groupBefore(left int, indian bool) bool {
	if indian && left > 3 {
		return (left-3)%2 == 0
	}
	return left%3 == 0
}

func (l dateLocale) hasComponents() bool {
	return l.weekday != "" || l.year != "" || l.month != "" || l.day != ""
}

// componentsSupported tells the date component combinations componentDate
// formats as ICU does in en-US: a full date or month and day, with or
// without the weekday, month and year, or one component alone. ICU gives
// the others odd patterns ("2024 (day: 5)").
func (l dateLocale) componentsSupported() bool {
	switch {
	case !l.hasComponents():
		return true
	case l.month != "" && l.day != "":
		return l.weekday != "narrow" && l.month != "narrow"
	case l.weekday != "":
		return l.year == "" && l.month == "" && l.day == "" && l.weekday != "narrow"
	case l.year != "" && l.month != "":
		return l.day == "" && l.month != "narrow"
	}
	n := 0
	for _, c := range []string{l.year, l.month, l.day} {
		if c != "" {
			n++
		}
	}
	return n == 1 && l.month != "narrow"
}

// componentDate formats t with the en-US pattern ICU picks for l's date
// components: "Friday, July 5, 2024", "07/05/2024", "Jul 2024", ...
func componentDate(t time.Time, l dateLocale) string {
	if l.kind != localeUS {
		return numericDate(t, l)
	}
	num := func(n int, style string) string {
		if style == "2-digit" {
			return fmt.Sprintf("%02d", n%100)
		}
		return strconv.Itoa(n)
	}
	year := localeYear(t.Year())
	if l.year == "2-digit" {
		year = num(t.Year(), "2-digit")
	}
	var month string
	textMonth := l.month == "long" || l.month == "short"
	switch l.month {
	case "long":
		month = t.Month().String()
	case "short":
		month = t.Month().String()[:3]
	case "numeric", "2-digit":
		month = num(int(t.Month()), l.month)
	}
	day := num(t.Day(), l.day)
	var date string
	switch {
	case l.month != "" && l.day != "":
		if textMonth {
			date = month + " " + day
			if l.year != "" {
				date += ", " + year
			}
		} else {
			date = month + "/" + day
			if l.year != "" {
				date += "/" + year
			}
		}
	case l.year != "" && l.month != "":
		if textMonth {
			date = month + " " + year
		} else {
			date = month + "/" + year
		}
	case l.year != "":
		date = year
	case l.month != "":
		date = month
	case l.day != "":
		date = day
	}
	if l.weekday != "" {
		w := t.Weekday().String()
		if l.weekday == "short" {
			w = w[:3]
		}
		if date == "" {
			return w
		}
		return w + ", " + date
	}
	return date
}

// numericDMY reports whether l asks en-GB or de-DE for the year, month and
// day, all as numbers: the dates numericDate writes.
func (l dateLocale) numericDMY() bool {
	num := func(v string) bool { return v == "numeric" || v == "2-digit" }
	return (l.kind == localeGB || l.kind == localeDE) && l.weekday == "" && num(l.year) && num(l.month) && num(l.day)
}

// numericDate writes an all-numeric date in en-GB (dd/MM/y when neither
// the day nor the month asks for two digits) or de-DE (d.M.y) order,
// with two digits where asked.
func numericDate(t time.Time, l dateLocale) string {
	year := localeYear(t.Year())
	if l.year == "2-digit" {
		year = fmt.Sprintf("%02d", t.Year()%100)
	}
	day2, month2 := l.day == "2-digit", l.month == "2-digit"
	if l.kind == localeGB {
		if !day2 && !month2 {
			day2, month2 = true, true
		}
		return pad2(t.Day(), day2) + "/" + pad2(int(t.Month()), month2) + "/" + year
	}
	return pad2(t.Day(), day2) + "." + pad2(int(t.Month()), month2) + "." + year
}
