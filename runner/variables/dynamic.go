package variables

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/brianvoe/gofakeit/v7"
	"github.com/brianvoe/gofakeit/v7/data"
)

// Generator produces Postman's dynamic variables ({{$guid}},
// {{$randomInt}}, {{$randomFirstName}}, ...), each call a fresh value as in
// Postman. With a seed, the random ones repeat from run to run; the ones
// read from the clock ($timestamp, $isoTimestamp, $randomDate*) repeat
// only under a fixed clock (see SetClock).
//
// A Generator is safe for concurrent use, but --seed reproduces a run only
// when its values are drawn in the same order, that is from one goroutine:
// runs take one per iteration (Iteration).
type Generator struct {
	mu sync.Mutex
	// rng and fake draw from the same PCG source, so one seed fixes both.
	rng  *rand.Rand
	fake *gofakeit.Faker
	now  func() time.Time
	// seed is --seed, kept to derive each iteration's generator; zero
	// with seeded false when the run has none.
	seed   uint64
	seeded bool
}

// NewGenerator returns a generator seeded with seed; seeded=false draws a
// random seed instead, so that runs without --seed differ.
func NewGenerator(seed uint64, seeded bool) *Generator {
	if !seeded {
		seed = rand.Uint64()
	}
	src := rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)
	return &Generator{
		rng:    rand.New(src),
		fake:   gofakeit.NewFaker(src, false), // g.mu already serialises
		now:    time.Now,
		seed:   seed,
		seeded: seeded,
	}
}

// Iteration returns the generator for one iteration of a run with --seed:
// its values depend on the seed and the iteration alone, so that a run
// repeats them whichever --parallel worker takes an iteration and
// whatever the workers draw meanwhile. Without a seed it returns g.
func (g *Generator) Iteration(i int) *Generator {
	if g == nil || !g.seeded {
		return g
	}
	// Iteration 0 keeps the seed itself; each later one takes a seed
	// spread from its number by the golden-ratio increment.
	it := NewGenerator(g.seed+uint64(i)*0x9e3779b97f4a7c15, true)
	g.mu.Lock()
	it.now = g.now
	g.mu.Unlock()
	return it
}

// SetClock replaces the clock that $timestamp, $isoTimestamp and the
// $randomDate* variables read, so tests and golden runs get fixed values.
// A nil now restores time.Now.
func (g *Generator) SetClock(now func() time.Time) {
	if now == nil {
		now = time.Now
	}
	g.mu.Lock()
	g.now = now
	g.mu.Unlock()
}

// Value returns a new value of the dynamic variable name, which includes
// its "$" as in "{{$guid}}"; ok is false for names Postman does not define,
// which the caller then leaves unresolved as Postman does.
func (g *Generator) Value(name string) (value string, ok bool) {
	v, ok := dynamicVars[name]
	if !ok {
		return "", false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return v.gen(g), true
}

// Names returns every dynamic variable name Value knows, "$" included,
// sorted, for listings and for checks against Postman's list.
func Names() []string { return slices.Clone(sortedNames) }

var sortedNames = func() []string {
	names := make([]string, 0, len(dynamicVars))
	for name := range dynamicVars {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}()

// Description returns Postman's description of the dynamic variable name,
// for help output that reads like Postman's.
func Description(name string) (string, bool) {
	v, ok := dynamicVars[name]
	return v.desc, ok
}

// --- random helpers, named after the faker helpers they stand in for ---

// between returns an int in [lo, hi], both ends included as in faker's
// datatype.number({min, max}).
func (g *Generator) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// numerify is faker's replaceSymbolWithNumber: '#' is any digit and '!' a
// digit from 2 to 9 (so that phone area codes never start with 0 or 1).
func (g *Generator) numerify(template string) string {
	b := []byte(template)
	for i, c := range b {
		switch c {
		case '#':
			b[i] = byte('0' + g.rng.IntN(10))
		case '!':
			b[i] = byte('2' + g.rng.IntN(8))
		}
	}
	return string(b)
}

func (g *Generator) upper(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('A' + g.rng.IntN(26))
	}
	return string(b)
}

// fixed formats n/10^places with exactly places decimals, as JS toFixed
// does, without going through a float.
func fixed(n, places int) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	scale := 1
	for range places {
		scale *= 10
	}
	frac := strconv.Itoa(n % scale)
	return sign + strconv.Itoa(n/scale) + "." + strings.Repeat("0", places-len(frac)) + frac
}

// jsDate formats t as JavaScript's Date.prototype.toString does, which is
// what Postman sends for $randomDatePast and friends. Go knows only zone
// abbreviations, so outside UTC the name in parentheses is the short one
// ("CET") where JavaScript spells it out.
func jsDate(t time.Time) string {
	zone, _ := t.Zone()
	if zone == "UTC" {
		zone = "Coordinated Universal Time"
	}
	return t.Format("Mon Jan 02 2006 15:04:05 GMT-0700") + " (" + zone + ")"
}

// --- built-in variables ---

func (g *Generator) guid() string         { return g.fake.UUID() }
func (g *Generator) uuid() string         { return g.fake.UUID() }
func (g *Generator) timestamp() string    { return strconv.FormatInt(g.now().Unix(), 10) }
func (g *Generator) isoTimestamp() string { return g.now().UTC().Format("2006-01-02T15:04:05.000Z") }
func (g *Generator) integer() string      { return strconv.Itoa(g.rng.IntN(1001)) }
func (g *Generator) boolean() string      { return strconv.FormatBool(g.fake.Bool()) }
func (g *Generator) locale() string       { return g.pick(locales) }
func (g *Generator) semver() string {
	return fmt.Sprintf("%d.%d.%d", g.rng.IntN(10), g.rng.IntN(10), g.rng.IntN(10))
}

func (g *Generator) alphaNumeric() string {
	const chars = "0123456789abcdefghijklmnopqrstuvwxyz"
	i := g.rng.IntN(len(chars))
	return chars[i : i+1]
}

// --- phone ---

func (g *Generator) phoneNumber() string { return g.numerify("!##-!##-####") }

func (g *Generator) phoneNumberExt() string {
	return strconv.Itoa(g.between(1, 99)) + "-" + g.phoneNumber()
}

// --- address ---

// gofakeit's address lists line up with faker's under other names: its
// street_prefix and street_suffix are faker's city_prefix and city_suffix,
// and its street_name is faker's street_suffix ("Avenue").

func (g *Generator) city() string {
	prefix := func() string { return g.pick(data.Address["street_prefix"]) }
	suffix := func() string { return g.pick(data.Address["street_suffix"]) }
	switch g.rng.IntN(5) {
	case 0:
		return prefix() + " " + g.firstName() + suffix()
	case 1:
		return prefix() + " " + g.firstName()
	case 2:
		return g.firstName() + suffix()
	case 3:
		return g.lastName() + suffix()
	default: // faker's en locale also has real city names
		return g.fake.City()
	}
}

func (g *Generator) streetSuffix() string { return g.pick(data.Address["street_name"]) }

func (g *Generator) streetName() string {
	if g.rng.IntN(2) == 0 {
		return g.lastName() + " " + g.streetSuffix()
	}
	return g.firstName() + " " + g.streetSuffix()
}

func (g *Generator) streetAddress() string {
	return g.numerify(g.pick([]string{"#####", "####", "###"})) + " " + g.streetName()
}

func (g *Generator) country() string     { return g.fake.Country() }
func (g *Generator) countryCode() string { return g.fake.CountryAbr() }
func (g *Generator) state() string       { return g.fake.State() }

// Latitude and longitude come in steps of 0.0001, ends included, as faker
// draws them.
func (g *Generator) latitude() string  { return fixed(g.between(-900000, 900000), 4) }
func (g *Generator) longitude() string { return fixed(g.between(-1800000, 1800000), 4) }

// --- commerce ---

func (g *Generator) color() string            { return g.fake.SafeColor() }
func (g *Generator) department() string       { return g.pick(departments) }
func (g *Generator) productAdjective() string { return g.pick(productAdjectives) }
func (g *Generator) productMaterial() string  { return g.pick(productMaterials) }
func (g *Generator) product() string          { return g.pick(products) }

func (g *Generator) productName() string {
	return g.productAdjective() + " " + g.productMaterial() + " " + g.product()
}

// --- company ---

func (g *Generator) companySuffix() string         { return g.fake.CompanySuffix() }
func (g *Generator) catchPhraseAdjective() string  { return g.pick(catchPhraseAdjectives) }
func (g *Generator) catchPhraseDescriptor() string { return g.pick(catchPhraseDescriptors) }
func (g *Generator) catchPhraseNoun() string       { return g.pick(catchPhraseNouns) }
func (g *Generator) bsAdjective() string           { return g.pick(bsAdjectives) }
func (g *Generator) bsBuzz() string                { return g.pick(bsBuzzwords) }
func (g *Generator) bsNoun() string                { return g.pick(bsNouns) }

func (g *Generator) companyName() string {
	switch g.rng.IntN(3) {
	case 0:
		return g.lastName() + " " + g.companySuffix()
	case 1:
		return g.lastName() + " - " + g.lastName()
	default:
		return g.lastName() + ", " + g.lastName() + " and " + g.lastName()
	}
}

func (g *Generator) catchPhrase() string {
	return g.catchPhraseAdjective() + " " + g.catchPhraseDescriptor() + " " + g.catchPhraseNoun()
}

func (g *Generator) bs() string {
	return g.bsBuzz() + " " + g.bsAdjective() + " " + g.bsNoun()
}

// --- database ---

func (g *Generator) databaseColumn() string    { return g.pick(databaseColumns) }
func (g *Generator) databaseType() string      { return g.pick(databaseTypes) }
func (g *Generator) databaseCollation() string { return g.pick(databaseCollations) }
func (g *Generator) databaseEngine() string    { return g.pick(databaseEngines) }

// --- dates: faker moves the clock by at least a second and at most a
// year (past, future) or a day (recent), in whole milliseconds ---

const (
	msDay  = 24 * 3600 * 1000
	msYear = 365 * msDay
)

func (g *Generator) shifted(sign, maxMs int) string {
	ms := sign * g.between(1000, maxMs)
	return jsDate(g.now().Add(time.Duration(ms) * time.Millisecond))
}

func (g *Generator) datePast() string   { return g.shifted(-1, msYear) }
func (g *Generator) dateFuture() string { return g.shifted(1, msYear) }
func (g *Generator) dateRecent() string { return g.shifted(-1, msDay) }
func (g *Generator) month() string      { return g.fake.MonthString() }
func (g *Generator) weekday() string    { return g.fake.WeekDay() }

// --- finance ---

func (g *Generator) bankAccount() string     { return g.numerify("########") }
func (g *Generator) bankAccountName() string { return g.pick(accountTypes) + " Account" }

// creditCardMask is four bare digits: Postman calls faker's mask without
// arguments, which leaves out the parentheses and ellipsis.
func (g *Generator) creditCardMask() string  { return g.numerify("####") }
func (g *Generator) price() string           { return fixed(g.between(0, 100000), 2) }
func (g *Generator) transactionType() string { return g.pick(transactionTypes) }
func (g *Generator) currencyCode() string    { return g.fake.CurrencyShort() }
func (g *Generator) currencyName() string    { return g.fake.CurrencyLong() }
func (g *Generator) currencySymbol() string  { return g.pick(currencySymbols) }

// bitcoin follows faker rather than gofakeit, whose addresses use
// characters (0, I, O, l) that base58 leaves out.
func (g *Generator) bitcoin() string {
	const base58 = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
	n := g.between(25, 34)
	b := make([]byte, n)
	b[0] = "13"[g.rng.IntN(2)]
	for i := 1; i < n; i++ {
		b[i] = base58[g.rng.IntN(len(base58))]
	}
	return string(b)
}

// bankAccountIban builds an IBAN with a valid mod-97 check, so that
// servers which validate IBANs accept it, as they accept Postman's.
func (g *Generator) bankAccountIban() string {
	country, spec, _ := strings.Cut(g.pick(ibanFormats), ":")
	var bban strings.Builder
	for part := range strings.SplitSeq(spec, ",") {
		n, _ := strconv.Atoi(part[1:])
		for c := n; c > 0; c-- {
			switch part[0] {
			case 'a':
				bban.WriteString(g.upper(1))
			case 'c':
				if g.rng.IntN(101) < 80 {
					bban.WriteByte(byte('0' + g.rng.IntN(10)))
				} else {
					bban.WriteString(g.upper(1))
				}
			default:
				// faker's runs of zeros, which real account numbers have
				if c >= 3 && g.rng.IntN(101) < 30 {
					if g.rng.IntN(2) == 0 {
						bban.WriteString("00")
						c -= 2
					} else {
						bban.WriteString("0")
						c--
					}
					bban.WriteByte(byte('1' + g.rng.IntN(9)))
				} else {
					bban.WriteByte(byte('0' + g.rng.IntN(10)))
				}
			}
		}
	}
	s := bban.String()
	return country + fmt.Sprintf("%02d", 98-mod97(s+country+"00")) + s
}

// mod97 is the IBAN checksum of s, letters counting as 10 to 35.
func mod97(s string) int {
	m := 0
	for _, c := range []byte(s) {
		if c >= 'A' && c <= 'Z' {
			m = (m*100 + int(c-'A'+10)) % 97
		} else {
			m = (m*10 + int(c-'0')) % 97
		}
	}
	return m
}

func (g *Generator) bankAccountBic() string {
	bic := g.upper(3) + g.pick(vowels) + g.fake.CountryAbr() + g.upper(1) + "1"
	switch p := g.rng.IntN(101); {
	case p < 10:
		bic += g.upper(1) + g.pick(vowels) + g.upper(1)
	case p < 40:
		bic += g.numerify("###")
	}
	return bic
}

// --- hacker ---

func (g *Generator) abbreviation() string { return g.fake.HackerAbbreviation() }
func (g *Generator) adjective() string    { return g.fake.HackerAdjective() }
func (g *Generator) noun() string         { return g.fake.HackerNoun() }
func (g *Generator) verb() string         { return g.fake.HackerVerb() }
func (g *Generator) ingverb() string      { return g.fake.HackeringVerb() }
func (g *Generator) phrase() string       { return g.fake.HackerPhrase() }

// --- internet ---

// avatarImage keeps faker's host and file naming; faker picks from a list
// of real user names, which we replace with made-up ones.
func (g *Generator) avatarImage() string {
	return "https://cdn.fakercloud.com/avatars/" +
		strings.ToLower(g.firstName()+g.lastName()) + "_128.jpg"
}

func (g *Generator) userName() string {
	first, last := g.firstName(), g.lastName()
	sep := func() string { return g.pick([]string{".", "_"}) }
	var s string
	switch g.rng.IntN(3) {
	case 0:
		s = first + strconv.Itoa(g.rng.IntN(100))
	case 1:
		s = first + sep() + last
	default:
		s = first + sep() + last + strconv.Itoa(g.rng.IntN(100))
	}
	return strings.NewReplacer("'", "", " ", "").Replace(s)
}

// slugify is faker's: spaces become dashes, then anything outside
// [A-Za-z0-9_.-] goes.
func slugify(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case r == '_' || r == '.' || r == '-',
			'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return r
		}
		return -1
	}, s)
}

func (g *Generator) email() string {
	return slugify(g.userName()) + "@" + g.pick(freeEmailDomains)
}

func (g *Generator) exampleEmail() string {
	return slugify(g.userName()) + "@" + g.pick(exampleEmailDomains)
}

func (g *Generator) protocol() string     { return g.pick([]string{"http", "https"}) }
func (g *Generator) url() string          { return g.protocol() + "://" + g.domainName() }
func (g *Generator) domainName() string   { return g.domainWord() + "." + g.domainSuffix() }
func (g *Generator) domainSuffix() string { return g.fake.DomainSuffix() }

func (g *Generator) domainWord() string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\~#&*{}/:<>?|"'`, r) {
			return -1
		}
		return r
	}, g.firstName()))
}

func (g *Generator) ipv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", g.rng.IntN(256), g.rng.IntN(256), g.rng.IntN(256), g.rng.IntN(256))
}

// ipv6 writes all eight groups in full, as faker does, where gofakeit
// would compress runs of zeros.
func (g *Generator) ipv6() string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, 39)
	for i := range 32 {
		if i > 0 && i%4 == 0 {
			b = append(b, ':')
		}
		b = append(b, hex[g.rng.IntN(16)])
	}
	return string(b)
}

func (g *Generator) userAgent() string  { return g.fake.UserAgent() }
func (g *Generator) macAddress() string { return g.fake.MacAddress() }

// hexColor keeps faker's quirk of halving each channel (0..256, then /2):
// Postman's colours never go above #808080, and neither do ours.
func (g *Generator) hexColor() string {
	return fmt.Sprintf("#%02x%02x%02x", g.rng.IntN(257)/2, g.rng.IntN(257)/2, g.rng.IntN(257)/2)
}

// passwordChars are the characters faker's internet.password keeps (it
// draws codes 33 to 127 until one matches /\w/), the underscore among
// them: 15 of them, each equally likely.
const passwordChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"

func (g *Generator) password() string {
	b := make([]byte, 15)
	for i := range b {
		b[i] = passwordChars[g.rng.IntN(len(passwordChars))]
	}
	return string(b)
}

// --- lorem ---

func (g *Generator) loremWord() string { return g.fake.LoremIpsumWord() }

func (g *Generator) loremWordsN(n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = g.loremWord()
	}
	return strings.Join(words, " ")
}

func (g *Generator) loremWords() string { return g.loremWordsN(3) }
func (g *Generator) loremSlug() string  { return strings.ReplaceAll(g.loremWordsN(3), " ", "-") }

func (g *Generator) loremSentence() string {
	s := g.loremWordsN(g.between(3, 10))
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g *Generator) loremSentencesN(n int, sep string) string {
	sentences := make([]string, n)
	for i := range sentences {
		sentences[i] = g.loremSentence()
	}
	return strings.Join(sentences, sep)
}

func (g *Generator) loremSentences() string { return g.loremSentencesN(g.between(2, 6), " ") }
func (g *Generator) loremParagraph() string { return g.loremSentencesN(3+g.rng.IntN(4), " ") }
func (g *Generator) loremLines() string     { return g.loremSentencesN(g.between(1, 5), "\n") }

// loremParagraphs uses faker's odd separator "\n \r" so that bodies built
// from it have the same bytes, and length, as Postman's.
func (g *Generator) loremParagraphs() string {
	return g.loremParagraph() + "\n \r" + g.loremParagraph() + "\n \r" + g.loremParagraph()
}

func (g *Generator) loremText() string {
	switch g.rng.IntN(7) {
	case 0:
		return g.loremWord()
	case 1:
		return g.loremWords()
	case 2:
		return g.loremSentence()
	case 3:
		return g.loremSentences()
	case 4:
		return g.loremParagraph()
	case 5:
		return g.loremParagraphs()
	default:
		return g.loremLines()
	}
}

// --- names and jobs: gofakeit's job descriptor and level lists are
// faker's job descriptor and area ---

func (g *Generator) firstName() string     { return g.fake.FirstName() }
func (g *Generator) lastName() string      { return g.fake.LastName() }
func (g *Generator) namePrefix() string    { return g.fake.NamePrefix() }
func (g *Generator) nameSuffix() string    { return g.fake.NameSuffix() }
func (g *Generator) jobDescriptor() string { return g.fake.JobDescriptor() }
func (g *Generator) jobArea() string       { return g.fake.JobLevel() }
func (g *Generator) jobType() string       { return g.pick(jobTypes) }

func (g *Generator) jobTitle() string {
	return g.jobDescriptor() + " " + g.jobArea() + " " + g.jobType()
}

// fullName is faker's findName: one time in nine with a prefix, one in
// nine with a suffix.
func (g *Generator) fullName() string {
	r := g.rng.IntN(9)
	name := g.firstName() + " " + g.lastName()
	switch r {
	case 0:
		return g.namePrefix() + " " + name
	case 1:
		return name + " " + g.nameSuffix()
	}
	return name
}

// --- words ---

// wordSources are the generators faker's random.word picks from (less
// address.county, which gofakeit lacks); it then keeps one word of the
// result, so the words come in any case and from any of these themes.
var wordSources = []func(*Generator) string{
	(*Generator).department, (*Generator).productName, (*Generator).productAdjective,
	(*Generator).productMaterial, (*Generator).product, (*Generator).color,
	(*Generator).catchPhraseAdjective, (*Generator).catchPhraseDescriptor,
	(*Generator).catchPhraseNoun, (*Generator).bsAdjective, (*Generator).bsBuzz,
	(*Generator).bsNoun, (*Generator).streetSuffix, (*Generator).country, (*Generator).state,
	(*Generator).bankAccountName, (*Generator).transactionType, (*Generator).currencyName,
	(*Generator).noun, (*Generator).verb, (*Generator).adjective, (*Generator).ingverb,
	(*Generator).abbreviation, (*Generator).jobDescriptor, (*Generator).jobArea,
	(*Generator).jobType,
}

func (g *Generator) word() string {
	s := wordSources[g.rng.IntN(len(wordSources))](g)
	return g.pick(strings.Split(s, " "))
}

func (g *Generator) wordsN(n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = g.word()
	}
	return strings.Join(words, " ")
}

// words draws two to five words where faker's random.words draws one to
// three: Postman overrides it for $randomWords.
func (g *Generator) words() string { return g.wordsN(g.between(2, 5)) }

// --- system ---

func (g *Generator) directoryPath() string  { return g.pick(directoryPaths) }
func (g *Generator) filePath() string       { return g.directoryPath() + "/" + g.fileName() }
func (g *Generator) fileName() string       { return g.fileBase() + "." + g.fileExt() }
func (g *Generator) commonFileName() string { return g.fileBase() + "." + g.commonFileExt() }
func (g *Generator) mimeType() string       { return g.pick(mimeTypes()) }
func (g *Generator) commonFileType() string { return g.pick(commonFileTypes) }
func (g *Generator) fileType() string       { return g.pick(fileTypes) }
func (g *Generator) fileExt() string        { return g.fake.FileExtension() }

func (g *Generator) commonFileExt() string {
	return g.pick(commonFileExts[g.rng.IntN(len(commonFileExts))])
}

// fileBase is faker's: one to three random words, lower-cased, with every
// character outside [a-z0-9_] (spaces included) turned into "_".
func (g *Generator) fileBase() string {
	return strings.Map(func(r rune) rune {
		if r == '_' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(g.wordsN(g.between(1, 3))))
}

// mimeTypes is gofakeit's list without its duplicates and its few entries
// that carry a comment ("drawing/x-dwf (old)") and so are not MIME types.
// It is made on first use: at package initialisation it cost every run,
// $randomMimeType or not, about 0.3 ms of start-up.
var mimeTypes = sync.OnceValue(func() []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range data.Files["mime_type"] {
		if !strings.ContainsAny(m, " ()") && !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
})
