package sandbox

import (
	"time"

	"github.com/dop251/goja"
)

// en-US dates with time components (hour, minute, second) or dateStyle
// and timeStyle, as ICU formats them in Node (and so in Newman).

// checkDateStyles throws V8's TypeErrors for styles mixed with components
// or asked of the wrong method.
func checkDateStyles(rt *goja.Runtime, method string, l dateLocale) {
	if l.dateStyle == "" && l.timeStyle == "" {
		return
	}
	style := "dateStyle"
	if l.dateStyle == "" {
		style = "timeStyle"
	}
	for _, c := range []struct{ name, v string }{{"weekday", l.weekday}, {"year", l.year}, {"month", l.month}, {"day", l.day},
		{"hour", l.hour}, {"minute", l.minute}, {"second", l.second}} {
		if c.v != "" {
			panic(rt.NewTypeError("Can't set option " + c.name + " when " + style + " is used"))
		}
	}
	switch {
	case method == "toLocaleDateString" && l.timeStyle != "":
		panic(rt.NewTypeError("Invalid option : timeStyle"))
	case method == "toLocaleTimeString" && l.dateStyle != "":
		panic(rt.NewTypeError("Invalid option : dateStyle"))
	}
}

// dateTimeSep is what comes between the date and the time: " at " after a
// long month name, else ", ".
func dateTimeSep(l dateLocale) string {
	if l.month == "long" {
		return " at "
	}
	return ", "
}

// componentTime formats the hour, minute and second components: 12-hour
// with AM/PM, or with hour12: false (24 at midnight, as V8 resolves it)
// or hourCycle: 'h23', 24-hour with two digits.
func componentTime(t time.Time, l dateLocale) string {
	h := t.Hour()
	twelve := !l.hour24 && !l.h23
	var s string
	if twelve {
		h %= 12
		if h == 0 {
			h = 12
		}
		s = pad2(h, l.hour == "2-digit")
	} else {
		if h == 0 && !l.h23 {
			h = 24
		}
		s = pad2(h, true)
	}
	if l.minute != "" || l.second != "" {
		s += ":" + pad2(t.Minute(), true)
	}
	if l.second != "" {
		s += ":" + pad2(t.Second(), true)
	}
	if twelve {
		if t.Hour() < 12 {
			s += " AM"
		} else {
			s += " PM"
		}
	}
	return s
}

// styledDate formats dateStyle and timeStyle (the date part when date is
// set, the time part when clock is), and reports whether there were any.
func styledDate(t time.Time, l dateLocale, date, clock bool) (string, bool) {
	if l.dateStyle == "" && l.timeStyle == "" {
		return "", false
	}
	var d, c string
	if date {
		switch l.dateStyle {
		case "full":
			d = t.Format("Monday, January 2, ") + localeYear(t.Year())
		case "long":
			d = t.Format("January 2, ") + localeYear(t.Year())
		case "medium":
			d = t.Format("Jan 2, ") + localeYear(t.Year())
		case "short":
			d = t.Format("1/2/06")
		}
	}
	if clock && l.timeStyle != "" {
		tl := l
		tl.hour, tl.minute, tl.second = "numeric", "2-digit", "2-digit"
		if l.timeStyle == "short" {
			tl.second = ""
		}
		c = componentTime(t, tl)
		switch l.timeStyle {
		case "long":
			c += " UTC"
		case "full":
			c += " Coordinated Universal Time"
		}
	}
	switch {
	case d == "":
		return c, true
	case c == "":
		return d, true
	case l.dateStyle == "full" || l.dateStyle == "long":
		return d + " at " + c, true
	}
	return d + ", " + c, true
}
