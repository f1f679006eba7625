package sandbox

import (
	"strconv"
	"strings"
	"time"
)

// The default numeric date and time formats of locales other than en-US,
// en-GB and de-DE, as ICU (Node 20, so Newman) writes them: scripts use
// new Date().toLocaleDateString('en-CA') or ('sv-SE') to get 2024-01-05.

// datePattern is a locale's toLocaleDateString and toLocaleTimeString
// format, with {y} {M} {d} {h} {m} {s} {a} for the year, month, day,
// hour, minute, second and AM/PM, and what toLocaleString puts between
// them.
type datePattern struct {
	date, time, sep, am, pm     string
	day2, month2, hour2, hour12 bool
}

// patternFor returns the format of a lower-case locale tag, or of its
// language, or nil.
func patternFor(tag string) *datePattern {
	if p, ok := datePatterns[tag]; ok {
		return &p
	}
	lang, _, _ := strings.Cut(tag, "-")
	if p, ok := datePatterns[lang]; ok {
		return &p
	}
	return nil
}

func pad2(n int, pad bool) string {
	if pad && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// format writes t with the pattern text.
func (p *datePattern) format(text string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] != '{' || i+2 >= len(text) || text[i+2] != '}' {
			b.WriteByte(text[i])
			continue
		}
		switch text[i+1] {
		case 'y':
			b.WriteString(localeYear(t.Year()))
		case 'M':
			b.WriteString(pad2(int(t.Month()), p.month2))
		case 'd':
			b.WriteString(pad2(t.Day(), p.day2))
		case 'h':
			h := t.Hour()
			if p.hour12 {
				h %= 12
				if h == 0 {
					h = 12
				}
			}
			b.WriteString(pad2(h, p.hour2))
		case 'm':
			b.WriteString(pad2(t.Minute(), true))
		case 's':
			b.WriteString(pad2(t.Second(), true))
		case 'a':
			if t.Hour() < 12 {
				b.WriteString(p.am)
			} else {
				b.WriteString(p.pm)
			}
		}
		i += 2
	}
	return b.String()
}

// datePatterns are the formats by locale tag (and language alone). ICU's
// narrow no-break space before AM/PM is a space, as V8's toLocaleString
// writes it.
var datePatterns = map[string]datePattern{
	"en-ca": {date: "{y}-{M}-{d}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "a.m.", pm: "p.m.", day2: true, month2: true, hour2: false, hour12: true},
	"en-au": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "am", pm: "pm", day2: true, month2: true, hour2: false, hour12: true},
	"en-in": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "am", pm: "pm", day2: false, month2: false, hour2: false, hour12: true},
	"en-nz": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "am", pm: "pm", day2: false, month2: true, hour2: false, hour12: true},
	"en-ie": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"en-za": {date: "{y}/{M}/{d}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"en-sg": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "am", pm: "pm", day2: true, month2: true, hour2: false, hour12: true},
	"fr-fr": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"fr-ca": {date: "{y}-{M}-{d}", time: "{h} h {m} min {s} s", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"fr-be": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"fr-ch": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"fr":    {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"es-es": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"es-mx": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "a.m.", pm: "p.m.", day2: false, month2: false, hour2: false, hour12: true},
	"es-ar": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: true},
	"es":    {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"pt-br": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"pt-pt": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"pt":    {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"it-it": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"it":    {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"nl-nl": {date: "{d}-{M}-{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"nl-be": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"nl":    {date: "{d}-{M}-{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"sv-se": {date: "{y}-{M}-{d}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"sv":    {date: "{y}-{M}-{d}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"da-dk": {date: "{d}.{M}.{y}", time: "{h}.{m}.{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"da":    {date: "{d}.{M}.{y}", time: "{h}.{m}.{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"nb-no": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"nb":    {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"no":    {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"fi-fi": {date: "{d}.{M}.{y}", time: "{h}.{m}.{s}", sep: " klo ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"fi":    {date: "{d}.{M}.{y}", time: "{h}.{m}.{s}", sep: " klo ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"pl-pl": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: true, hour2: true, hour12: false},
	"pl":    {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: true, hour2: true, hour12: false},
	"ru-ru": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"ru":    {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"uk-ua": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"ja-jp": {date: "{y}/{M}/{d}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"ja":    {date: "{y}/{M}/{d}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"zh-cn": {date: "{y}/{M}/{d}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"zh":    {date: "{y}/{M}/{d}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"zh-tw": {date: "{y}/{M}/{d}", time: "{a}{h}:{m}:{s}", sep: "\u2009", am: "\u4e0a\u5348", pm: "\u4e0b\u5348", day2: false, month2: false, hour2: false, hour12: true},
	"zh-hk": {date: "{d}/{M}/{y}", time: "{a}{h}:{m}:{s}", sep: "\u2009", am: "\u4e0a\u5348", pm: "\u4e0b\u5348", day2: false, month2: false, hour2: false, hour12: true},
	"ko-kr": {date: "{y}. {M}. {d}.", time: "{a} {h}:{m}:{s}", sep: " ", am: "AM", pm: "PM", day2: false, month2: false, hour2: false, hour12: true},
	"ko":    {date: "{y}. {M}. {d}.", time: "{a} {h}:{m}:{s}", sep: " ", am: "AM", pm: "PM", day2: false, month2: false, hour2: false, hour12: true},
	"tr-tr": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"tr":    {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"cs-cz": {date: "{d}. {M}. {y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"cs":    {date: "{d}. {M}. {y}", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"hu-hu": {date: "{y}. {M}. {d}.", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: false, hour12: false},
	"hu":    {date: "{y}. {M}. {d}.", time: "{h}:{m}:{s}", sep: " ", am: "", pm: "", day2: true, month2: true, hour2: false, hour12: false},
	"ro-ro": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: true, month2: true, hour2: true, hour12: false},
	"el-gr": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "\u03c0.\u03bc.", pm: "\u03bc.\u03bc.", day2: false, month2: false, hour2: false, hour12: true},
	"he-il": {date: "{d}.{M}.{y}", time: "{h}:{m}:{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: false, hour12: false},
	"id-id": {date: "{d}/{M}/{y}", time: "{h}.{m}.{s}", sep: ", ", am: "", pm: "", day2: false, month2: false, hour2: true, hour12: false},
	"hi-in": {date: "{d}/{M}/{y}", time: "{h}:{m}:{s} {a}", sep: ", ", am: "am", pm: "pm", day2: false, month2: false, hour2: false, hour12: true},
}
