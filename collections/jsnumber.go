package collections

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// JavaScript reads numbers from text in two ways that Newman's behaviour
// depends on: Number(s) (a typed "number" variable, and half of
// csv-parse's float test) and parseFloat(s) (the value a CSV field
// becomes). Both differ from strconv: Number accepts 0x/0o/0b and surrounding
// whitespace and reads "" as 0; parseFloat reads the longest decimal
// prefix ("12px" is 12, "0x1A" is 0).

var (
	jsDecimal       = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)
	jsDecimalPrefix = regexp.MustCompile(`^[-+]?(Infinity|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)`)
)

// jsSpace is JavaScript's StrWhiteSpaceChar set: Unicode spaces, line
// terminators and the byte order mark.
func jsSpace(r rune) bool {
	return r == '\ufeff' || r == '\u00a0' || r == '\u2028' || r == '\u2029' || strings.ContainsRune(" \t\n\v\f\r", r) ||
		r == '\u1680' || (r >= '\u2000' && r <= '\u200a') || r == '\u202f' || r == '\u205f' || r == '\u3000'
}

// ToNumber is JavaScript's Number(s) for a string: NaN when s is not a
// number literal.
func ToNumber(s string) float64 {
	s = strings.TrimFunc(s, jsSpace)
	switch s {
	case "":
		return 0
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			return parseRadix(s[2:], base)
		}
	}
	if !jsDecimal.MatchString(s) {
		return math.NaN()
	}
	// Out-of-range literals are ±Infinity or 0 in JavaScript too, which is
	// what ParseFloat returns alongside its range error.
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// parseRadix reads unsigned digits of base as a float, so that hex
// literals beyond 2^64 are not an error (JavaScript rounds them).
func parseRadix(digits string, base int) float64 {
	f := 0.0
	for _, c := range strings.ToLower(digits) {
		d := strings.IndexRune("0123456789abcdef", c)
		if d < 0 || d >= base {
			return math.NaN()
		}
		f = f*float64(base) + float64(d)
	}
	return f
}

// ParseFloat is JavaScript's parseFloat(s): the longest decimal prefix
// after leading whitespace, NaN when there is none.
func ParseFloat(s string) float64 {
	s = strings.TrimLeftFunc(s, jsSpace)
	m := jsDecimalPrefix.FindString(s)
	if m == "" {
		return math.NaN()
	}
	switch strings.TrimLeft(m, "+-") {
	case "Infinity":
		if m[0] == '-' {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	f, _ := strconv.ParseFloat(m, 64)
	return f
}

// FormatNumber formats a float as JavaScript's Number#toString does:
// integers without a fraction, others in the shortest form that
// round-trips, exponents from 1e21 and below 1e-6 written as "1e+21".
func FormatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0" // -0 too, as in JavaScript
	case f == math.Trunc(f) && math.Abs(f) < 1e21:
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	abs := math.Abs(f)
	if abs >= 1e-6 && abs < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	// Go writes 1e-07, JavaScript 1e-7.
	mant, exp, _ := strings.Cut(s, "e")
	sign := exp[0]
	exp = strings.TrimLeft(exp[1:], "0")
	if sign == '+' {
		return mant + "e+" + exp
	}
	return mant + "e-" + exp
}
