package sandbox

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Number.prototype.toLocaleString's style option as ICU formats it in
// Node (and so in Newman): percent, and currency with the symbol (or the
// narrow symbol, or the code) and the minor unit digits of the currency,
// in the en-US, en-GB and de-DE forms.

// currencyInfo is a currency's symbols in en-US, en-GB and de-DE, its
// narrow symbols in the same locales, and its fraction digits, as ICU
// (Node 20) has them.
type currencyInfo struct {
	us, gb, de, narrowUS, narrowGB, narrowDE string
	digits                                   int
}

// styleNumber sets o's style (percent or currency) and its default
// fraction digits from options, for the locale family kind, throwing
// Node's errors for a bad style or currency.
func styleNumber(rt *goja.Runtime, o *numberOptions, opts *goja.Object, kind int) {
	get := func(name string) (string, bool) {
		v := opts.Get(name)
		if v == nil || goja.IsUndefined(v) {
			return "", false
		}
		return v.String(), true
	}
	style, ok := get("style")
	if !ok {
		style = "decimal"
	}
	switch style {
	case "decimal", "unit":
		return
	case "percent":
		o.scale = 2
		o.minFraction, o.maxFraction = 0, 0
		if kind == localeDE {
			o.suffix = "\u00a0%"
		} else {
			o.suffix = "%"
		}
		return
	case "currency":
	default:
		panic(rangeError(rt, "Value "+style+" out of range for Number.prototype.toLocaleString options property style"))
	}
	code, ok := get("currency")
	if !ok {
		panic(rt.NewTypeError("Currency code is required with currency style."))
	}
	if len(code) != 3 || strings.IndexFunc(code, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) >= 0 {
		panic(rangeError(rt, "Invalid currency code : "+code))
	}
	code = strings.ToUpper(code)
	info, known := currencies[code]
	if !known {
		info = currencyInfo{code, code, code, code, code, code, 2}
	}
	o.minFraction, o.maxFraction = info.digits, info.digits
	display, _ := get("currencyDisplay")
	symbol := code
	switch display {
	case "", "symbol":
		symbol = [...]string{localeUS: info.us, localeGB: info.gb, localeDE: info.de}[kind]
	case "narrowSymbol":
		symbol = [...]string{localeUS: info.narrowUS, localeGB: info.narrowGB, localeDE: info.narrowDE}[kind]
	case "code", "name": // colrun has no currency names: "name" gets the code
	default:
		panic(rangeError(rt, "Value "+display+" out of range for Number.prototype.toLocaleString options property currencyDisplay"))
	}
	if kind == localeDE {
		o.suffix = "\u00a0" + symbol
		return
	}
	// ICU puts a space between the number and a symbol that does not
	// end in a symbol character: "CHF 5.00", "$5.00", "CA$5.00".
	o.prefix = symbol
	if last, _ := utf8.DecodeLastRuneInString(symbol); !unicode.IsSymbol(last) {
		o.prefix += "\u00a0"
	}
}

// currencies are the currencies ICU knows, with their symbols.
var currencies = map[string]currencyInfo{
	"AED": {"AED", "AED", "AED", "AED", "AED", "AED", 2},
	"AFN": {"AFN", "AFN", "AFN", "؋", "؋", "؋", 0},
	"ALL": {"ALL", "ALL", "ALL", "ALL", "ALL", "ALL", 0},
	"AMD": {"AMD", "AMD", "AMD", "֏", "֏", "֏", 2},
	"ANG": {"ANG", "ANG", "ANG", "ANG", "ANG", "ANG", 2},
	"AOA": {"AOA", "AOA", "AOA", "Kz", "Kz", "Kz", 2},
	"ARS": {"ARS", "ARS", "ARS", "$", "$", "$", 2},
	"AUD": {"A$", "A$", "AU$", "$", "$", "$", 2},
	"AWG": {"AWG", "AWG", "AWG", "AWG", "AWG", "AWG", 2},
	"AZN": {"AZN", "AZN", "AZN", "₼", "₼", "₼", 2},
	"BAM": {"BAM", "BAM", "BAM", "KM", "KM", "KM", 2},
	"BBD": {"BBD", "BBD", "BBD", "$", "$", "$", 2},
	"BDT": {"BDT", "BDT", "BDT", "৳", "৳", "৳", 2},
	"BGN": {"BGN", "BGN", "BGN", "BGN", "BGN", "BGN", 2},
	"BHD": {"BHD", "BHD", "BHD", "BHD", "BHD", "BHD", 3},
	"BIF": {"BIF", "BIF", "BIF", "BIF", "BIF", "BIF", 0},
	"BMD": {"BMD", "BMD", "BMD", "$", "$", "$", 2},
	"BND": {"BND", "BND", "BND", "$", "$", "$", 2},
	"BOB": {"BOB", "BOB", "BOB", "Bs", "Bs", "Bs", 2},
	"BRL": {"R$", "R$", "R$", "R$", "R$", "R$", 2},
	"BSD": {"BSD", "BSD", "BSD", "$", "$", "$", 2},
	"BTN": {"BTN", "BTN", "BTN", "BTN", "BTN", "BTN", 2},
	"BWP": {"BWP", "BWP", "BWP", "P", "P", "P", 2},
	"BYN": {"BYN", "BYN", "BYN", "BYN", "BYN", "р.", 2},
	"BZD": {"BZD", "BZD", "BZD", "$", "$", "$", 2},
	"CAD": {"CA$", "CA$", "CA$", "$", "$", "$", 2},
	"CDF": {"CDF", "CDF", "CDF", "CDF", "CDF", "CDF", 2},
	"CHF": {"CHF", "CHF", "CHF", "CHF", "CHF", "CHF", 2},
	"CLP": {"CLP", "CLP", "CLP", "$", "$", "$", 0},
	"CNY": {"CN¥", "CN¥", "CN¥", "¥", "¥", "¥", 2},
	"COP": {"COP", "COP", "COP", "$", "$", "$", 0},
	"CRC": {"CRC", "CRC", "CRC", "₡", "₡", "₡", 2},
	"CUC": {"CUC", "CUC", "CUC", "$", "$", "Cub$", 2},
	"CUP": {"CUP", "CUP", "CUP", "$", "$", "$", 2},
	"CVE": {"CVE", "CVE", "CVE", "CVE", "CVE", "CVE", 2},
	"CZK": {"CZK", "CZK", "CZK", "Kč", "Kč", "Kč", 2},
	"DJF": {"DJF", "DJF", "DJF", "DJF", "DJF", "DJF", 0},
	"DKK": {"DKK", "DKK", "DKK", "kr", "kr", "kr", 2},
	"DOP": {"DOP", "DOP", "DOP", "$", "$", "$", 2},
	"DZD": {"DZD", "DZD", "DZD", "DZD", "DZD", "DZD", 2},
	"EGP": {"EGP", "EGP", "EGP", "E£", "E£", "E£", 2},
	"ERN": {"ERN", "ERN", "ERN", "ERN", "ERN", "ERN", 2},
	"ETB": {"ETB", "ETB", "ETB", "ETB", "ETB", "ETB", 2},
	"EUR": {"€", "€", "€", "€", "€", "€", 2},
	"FJD": {"FJD", "FJD", "FJD", "$", "$", "$", 2},
	"FKP": {"FKP", "FKP", "FKP", "£", "£", "Fl£", 2},
	"GBP": {"£", "£", "£", "£", "£", "£", 2},
	"GEL": {"GEL", "GEL", "GEL", "₾", "₾", "₾", 2},
	"GHS": {"GHS", "GHS", "GHS", "GH₵", "GH₵", "₵", 2},
	"GIP": {"GIP", "GIP", "GIP", "£", "£", "£", 2},
	"GMD": {"GMD", "GMD", "GMD", "GMD", "GMD", "GMD", 2},
	"GNF": {"GNF", "GNF", "GNF", "FG", "FG", "F.G.", 0},
	"GTQ": {"GTQ", "GTQ", "GTQ", "Q", "Q", "Q", 2},
	"GYD": {"GYD", "GYD", "GYD", "$", "$", "$", 2},
	"HKD": {"HK$", "HK$", "HK$", "$", "$", "$", 2},
	"HNL": {"HNL", "HNL", "HNL", "L", "L", "L", 2},
	"HRK": {"HRK", "HRK", "HRK", "kn", "kn", "kn", 2},
	"HTG": {"HTG", "HTG", "HTG", "HTG", "HTG", "HTG", 2},
	"HUF": {"HUF", "HUF", "HUF", "Ft", "Ft", "Ft", 0},
	"IDR": {"IDR", "IDR", "IDR", "Rp", "Rp", "Rp", 0},
	"ILS": {"₪", "₪", "₪", "₪", "₪", "₪", 2},
	"INR": {"₹", "₹", "₹", "₹", "₹", "₹", 2},
	"IQD": {"IQD", "IQD", "IQD", "IQD", "IQD", "IQD", 0},
	"IRR": {"IRR", "IRR", "IRR", "IRR", "IRR", "IRR", 0},
	"ISK": {"ISK", "ISK", "ISK", "kr", "kr", "kr", 0},
	"JMD": {"JMD", "JMD", "JMD", "$", "$", "$", 2},
	"JOD": {"JOD", "JOD", "JOD", "JOD", "JOD", "JOD", 3},
	"JPY": {"¥", "JP¥", "¥", "¥", "¥", "¥", 0},
	"KES": {"KES", "KES", "KES", "KES", "KES", "KES", 2},
	"KGS": {"KGS", "KGS", "KGS", "⃀", "⃀", "⃀", 2},
	"KHR": {"KHR", "KHR", "KHR", "៛", "៛", "៛", 2},
	"KMF": {"KMF", "KMF", "KMF", "CF", "CF", "FC", 0},
	"KPW": {"KPW", "KPW", "KPW", "₩", "₩", "₩", 0},
	"KRW": {"₩", "₩", "₩", "₩", "₩", "₩", 0},
	"KWD": {"KWD", "KWD", "KWD", "KWD", "KWD", "KWD", 3},
	"KYD": {"KYD", "KYD", "KYD", "$", "$", "$", 2},
	"KZT": {"KZT", "KZT", "KZT", "₸", "₸", "₸", 2},
	"LAK": {"LAK", "LAK", "LAK", "₭", "₭", "₭", 0},
	"LBP": {"LBP", "LBP", "LBP", "L£", "L£", "L£", 0},
	"LKR": {"LKR", "LKR", "LKR", "Rs", "Rs", "Rs", 2},
	"LRD": {"LRD", "LRD", "LRD", "$", "$", "$", 2},
	"LSL": {"LSL", "LSL", "LSL", "LSL", "LSL", "LSL", 2},
	"LYD": {"LYD", "LYD", "LYD", "LYD", "LYD", "LYD", 3},
	"MAD": {"MAD", "MAD", "MAD", "MAD", "MAD", "MAD", 2},
	"MDL": {"MDL", "MDL", "MDL", "MDL", "MDL", "MDL", 2},
	"MGA": {"MGA", "MGA", "MGA", "Ar", "Ar", "Ar", 0},
	"MKD": {"MKD", "MKD", "MKD", "MKD", "MKD", "MKD", 2},
	"MMK": {"MMK", "MMK", "MMK", "K", "K", "K", 0},
	"MNT": {"MNT", "MNT", "MNT", "₮", "₮", "₮", 2},
	"MOP": {"MOP", "MOP", "MOP", "MOP", "MOP", "MOP", 2},
	"MRU": {"MRU", "MRU", "MRU", "MRU", "MRU", "MRU", 2},
	"MUR": {"MUR", "MUR", "MUR", "Rs", "Rs", "Rs", 2},
	"MVR": {"MVR", "MVR", "MVR", "MVR", "MVR", "MVR", 2},
	"MWK": {"MWK", "MWK", "MWK", "MWK", "MWK", "MWK", 2},
	"MXN": {"MX$", "MX$", "MX$", "$", "$", "$", 2},
	"MYR": {"MYR", "MYR", "MYR", "RM", "RM", "RM", 2},
	"MZN": {"MZN", "MZN", "MZN", "MZN", "MZN", "MZN", 2},
	"NAD": {"NAD", "NAD", "NAD", "$", "$", "$", 2},
	"NGN": {"NGN", "NGN", "NGN", "₦", "₦", "₦", 2},
	"NIO": {"NIO", "NIO", "NIO", "C$", "C$", "C$", 2},
	"NOK": {"NOK", "NOK", "NOK", "kr", "kr", "kr", 2},
	"NPR": {"NPR", "NPR", "NPR", "Rs", "Rs", "Rs", 2},
	"NZD": {"NZ$", "NZ$", "NZ$", "$", "$", "$", 2},
	"OMR": {"OMR", "OMR", "OMR", "OMR", "OMR", "OMR", 3},
	"PAB": {"PAB", "PAB", "PAB", "PAB", "PAB", "PAB", 2},
	"PEN": {"PEN", "PEN", "PEN", "PEN", "PEN", "PEN", 2},
	"PGK": {"PGK", "PGK", "PGK", "PGK", "PGK", "PGK", 2},
	"PHP": {"₱", "₱", "PHP", "₱", "₱", "₱", 2},
	"PKR": {"PKR", "PKR", "PKR", "Rs", "Rs", "Rs", 0},
	"PLN": {"PLN", "PLN", "PLN", "zł", "zł", "zł", 2},
	"PYG": {"PYG", "PYG", "PYG", "₲", "₲", "₲", 0},
	"QAR": {"QAR", "QAR", "QAR", "QAR", "QAR", "QAR", 2},
	"RON": {"RON", "RON", "RON", "lei", "lei", "L", 2},
	"RSD": {"RSD", "RSD", "RSD", "RSD", "RSD", "RSD", 2},
	"RUB": {"RUB", "RUB", "RUB", "₽", "₽", "₽", 2},
	"RWF": {"RWF", "RWF", "RWF", "RF", "RF", "F.Rw", 0},
	"SAR": {"SAR", "SAR", "SAR", "SAR", "SAR", "SAR", 2},
	"SBD": {"SBD", "SBD", "SBD", "$", "$", "$", 2},
	"SCR": {"SCR", "SCR", "SCR", "SCR", "SCR", "SCR", 2},
	"SDG": {"SDG", "SDG", "SDG", "SDG", "SDG", "SDG", 2},
	"SEK": {"SEK", "SEK", "SEK", "kr", "kr", "kr", 2},
	"SGD": {"SGD", "SGD", "SGD", "$", "$", "$", 2},
	"SHP": {"SHP", "SHP", "SHP", "£", "£", "£", 2},
	"SLE": {"SLE", "SLE", "SLE", "SLE", "SLE", "SLE", 2},
	"SLL": {"SLL", "SLL", "SLL", "SLL", "SLL", "SLL", 0},
	"SOS": {"SOS", "SOS", "SOS", "SOS", "SOS", "SOS", 0},
	"SRD": {"SRD", "SRD", "SRD", "$", "$", "$", 2},
	"SSP": {"SSP", "SSP", "SSP", "£", "£", "£", 2},
	"STN": {"STN", "STN", "STN", "Db", "Db", "Db", 2},
	"SVC": {"SVC", "SVC", "SVC", "SVC", "SVC", "SVC", 2},
	"SYP": {"SYP", "SYP", "SYP", "£", "£", "SYP", 0},
	"SZL": {"SZL", "SZL", "SZL", "SZL", "SZL", "SZL", 2},
	"THB": {"THB", "THB", "฿", "฿", "฿", "฿", 2},
	"TJS": {"TJS", "TJS", "TJS", "TJS", "TJS", "TJS", 2},
	"TMT": {"TMT", "TMT", "TMT", "TMT", "TMT", "TMT", 2},
	"TND": {"TND", "TND", "TND", "TND", "TND", "TND", 3},
	"TOP": {"TOP", "TOP", "TOP", "T$", "T$", "T$", 2},
	"TRY": {"TRY", "TRY", "TRY", "₺", "₺", "₺", 2},
	"TTD": {"TTD", "TTD", "TTD", "$", "$", "$", 2},
	"TWD": {"NT$", "NT$", "NT$", "$", "$", "NT$", 2},
	"TZS": {"TZS", "TZS", "TZS", "TZS", "TZS", "TZS", 2},
	"UAH": {"UAH", "UAH", "UAH", "₴", "₴", "₴", 2},
	"UGX": {"UGX", "UGX", "UGX", "UGX", "UGX", "UGX", 0},
	"USD": {"$", "US$", "$", "$", "$", "$", 2},
	"UYU": {"UYU", "UYU", "UYU", "$", "$", "$", 2},
	"UZS": {"UZS", "UZS", "UZS", "UZS", "UZS", "UZS", 2},
	"VES": {"VES", "VES", "VES", "VES", "VES", "VES", 2},
	"VND": {"₫", "₫", "₫", "₫", "₫", "₫", 0},
	"VUV": {"VUV", "VUV", "VUV", "VUV", "VUV", "VUV", 0},
	"WST": {"WST", "WST", "WST", "WST", "WST", "WST", 2},
	"XAF": {"FCFA", "FCFA", "FCFA", "FCFA", "FCFA", "FCFA", 0},
	"XCD": {"EC$", "EC$", "EC$", "$", "$", "$", 2},
	"XCG": {"Cg.", "Cg.", "Cg.", "Cg.", "Cg.", "Cg.", 2},
	"XDR": {"XDR", "XDR", "XDR", "XDR", "XDR", "XDR", 2},
	"XOF": {"F CFA", "F CFA", "F CFA", "F CFA", "F CFA", "F CFA", 0},
	"XPF": {"CFPF", "CFPF", "CFPF", "CFPF", "CFPF", "CFPF", 0},
	"XSU": {"XSU", "XSU", "XSU", "XSU", "XSU", "XSU", 2},
	"YER": {"YER", "YER", "YER", "YER", "YER", "YER", 0},
	"ZAR": {"ZAR", "ZAR", "ZAR", "R", "R", "R", 2},
	"ZMW": {"ZMW", "ZMW", "ZMW", "ZK", "ZK", "K", 2},
	"ZWG": {"ZWG", "ZWG", "ZWG", "ZWG", "ZWG", "ZWG", 2},
	"ZWL": {"ZWL", "ZWL", "ZWL", "ZWL", "ZWL", "ZWL", 2},
}
