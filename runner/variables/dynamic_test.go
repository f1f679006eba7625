package variables

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// postmanNames are the keys of dynamicGenerators in postman-collection
// 4.4.0's lib/superstring/dynamic-variables.js, copied as data in their
// order: $guid, $timestamp, $isoTimestamp and the 115 $random* names.
var postmanNames = []string{
	"$guid", "$timestamp", "$isoTimestamp", "$randomInt", "$randomPhoneNumber",
	"$randomPhoneNumberExt", "$randomLocale", "$randomWords", "$randomFilePath",
	"$randomDirectoryPath", "$randomCity", "$randomStreetName", "$randomStreetAddress",
	"$randomCountry", "$randomCountryCode", "$randomLatitude", "$randomLongitude",
	"$randomColor", "$randomDepartment", "$randomProductName", "$randomProductAdjective",
	"$randomProductMaterial", "$randomProduct", "$randomCompanyName",
	"$randomCompanySuffix", "$randomCatchPhrase", "$randomBs",
	"$randomCatchPhraseAdjective", "$randomCatchPhraseDescriptor", "$randomCatchPhraseNoun",
	"$randomBsAdjective", "$randomBsBuzz", "$randomBsNoun", "$randomDatabaseColumn",
	"$randomDatabaseType", "$randomDatabaseCollation", "$randomDatabaseEngine",
	"$randomDatePast", "$randomDateFuture", "$randomDateRecent", "$randomMonth",
	"$randomWeekday", "$randomBankAccount", "$randomBankAccountName",
	"$randomCreditCardMask", "$randomPrice", "$randomTransactionType",
	"$randomCurrencyCode", "$randomCurrencyName", "$randomCurrencySymbol", "$randomBitcoin",
	"$randomBankAccountIban", "$randomBankAccountBic", "$randomAbbreviation",
	"$randomAdjective", "$randomNoun", "$randomVerb", "$randomIngverb", "$randomPhrase",
	"$randomAvatarImage", "$randomImageUrl", "$randomAbstractImage", "$randomAnimalsImage",
	"$randomBusinessImage", "$randomCatsImage", "$randomCityImage", "$randomFoodImage",
	"$randomNightlifeImage", "$randomFashionImage", "$randomPeopleImage",
	"$randomNatureImage", "$randomSportsImage", "$randomTransportImage",
	"$randomImageDataUri", "$randomEmail", "$randomExampleEmail", "$randomUserName",
	"$randomProtocol", "$randomUrl", "$randomDomainName", "$randomDomainSuffix",
	"$randomDomainWord", "$randomIP", "$randomIPV6", "$randomUserAgent", "$randomHexColor",
	"$randomMACAddress", "$randomPassword", "$randomLoremWord", "$randomLoremWords",
	"$randomLoremSentence", "$randomLoremSlug", "$randomLoremSentences",
	"$randomLoremParagraph", "$randomLoremParagraphs", "$randomLoremText",
	"$randomLoremLines", "$randomFirstName", "$randomLastName", "$randomFullName",
	"$randomJobTitle", "$randomNamePrefix", "$randomNameSuffix", "$randomJobDescriptor",
	"$randomJobArea", "$randomJobType", "$randomUUID", "$randomBoolean", "$randomWord",
	"$randomAlphaNumeric", "$randomFileName", "$randomCommonFileName", "$randomMimeType",
	"$randomCommonFileType", "$randomCommonFileExt", "$randomFileType", "$randomFileExt",
	"$randomSemver",
}

// Format regexps, one per name, written from the values Postman gives.
var (
	uuidRe   = `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`
	jsDateRe = `^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ` +
		`\d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4} \(.+\)$`
	placeImgRe = func(category string) string {
		return `^http://placeimg\.com/640/480/` + category + `$`
	}
	sentence  = `[A-Z][a-z]*( [a-z]+){2,9}\.`
	paragraph = sentence + `( ` + sentence + `){2,5}`
	octet     = `(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`
	dirPath   = `(/[A-Za-z0-9+]+)+`
	fileBase  = `[a-z0-9_]+`
	firstLast = `[A-Z][A-Za-z]* [A-Z][A-Za-z]*`
)

var formats = map[string]string{
	"$guid":         uuidRe,
	"$timestamp":    `^\d{10}$`,
	"$isoTimestamp": `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$`,
	"$randomInt":    `^(\d|[1-9]\d{1,2}|1000)$`,

	"$randomPhoneNumber":    `^[2-9]\d\d-[2-9]\d\d-\d{4}$`,
	"$randomPhoneNumberExt": `^[1-9]\d?-[2-9]\d\d-[2-9]\d\d-\d{4}$`,
	"$randomLocale":         `^[a-z]{2,3}$`,
	"$randomWords":          `^\S+( \S+){1,4}$`,
	"$randomFilePath":       `^` + dirPath + `/` + fileBase + `\.[a-z0-9]+$`,
	"$randomDirectoryPath":  `^` + dirPath + `$`,

	"$randomCity":          `^\p{Lu}[\p{L} ./-]*$`,
	"$randomStreetName":    `^[A-Z][A-Za-z]* [A-Z][a-z]+$`,
	"$randomStreetAddress": `^\d{3,5} [A-Z][A-Za-z]* [A-Z][a-z]+$`,
	"$randomCountry":       `^\p{Lu}[\p{L} .,'()&-]*$`,
	"$randomCountryCode":   `^[A-Z]{2}$`,
	"$randomLatitude":      `^-?\d{1,2}\.\d{4}$`,
	"$randomLongitude":     `^-?\d{1,3}\.\d{4}$`,

	"$randomColor":            `^[a-z]+( [a-z]+)?$`,
	"$randomDepartment":       `^[A-Z][a-z]+$`,
	"$randomProductName":      `^[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+$`,
	"$randomProductAdjective": `^[A-Z][a-z]+$`,
	"$randomProductMaterial":  `^[A-Z][a-z]+$`,
	"$randomProduct":          `^[A-Z][a-z]+$`,

	"$randomCompanyName": `^[A-Z][A-Za-z]*( (Inc|and Sons|LLC|Group)| - [A-Z][A-Za-z]*|` +
		`, [A-Z][A-Za-z]* and [A-Z][A-Za-z]*)$`,
	"$randomCompanySuffix":         `^(Inc|and Sons|LLC|Group)$`,
	"$randomCatchPhrase":           `^[A-Z][A-Za-z -]* [a-z0-9][a-z0-9 /-]* [A-Za-z][A-Za-z -]*$`,
	"$randomBs":                    `^[a-z][a-z-]* [A-Za-z0-9][A-Za-z0-9/-]* [A-Za-z][A-Za-z -]*$`,
	"$randomCatchPhraseAdjective":  `^[A-Z][A-Za-z -]*$`,
	"$randomCatchPhraseDescriptor": `^[a-z0-9][a-z0-9 /-]*$`,
	"$randomCatchPhraseNoun":       `^[A-Za-z][A-Za-z -]*$`,
	"$randomBsAdjective":           `^[A-Za-z0-9][A-Za-z0-9/-]*$`,
	"$randomBsBuzz":                `^[a-z][a-z-]*$`,
	"$randomBsNoun":                `^[A-Za-z][A-Za-z -]*$`,

	"$randomDatabaseColumn":    `^[a-z][A-Za-z]*$`,
	"$randomDatabaseType":      `^[a-z]+$`,
	"$randomDatabaseCollation": `^[a-z0-9]+_[a-z_]+$`,
	"$randomDatabaseEngine":    `^[A-Za-z]+$`,

	"$randomDatePast":   jsDateRe,
	"$randomDateFuture": jsDateRe,
	"$randomDateRecent": jsDateRe,
	"$randomMonth":      `^(January|February|March|April|May|June|July|August|September|October|November|December)$`,
	"$randomWeekday":    `^(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$`,

	"$randomBankAccount":     `^\d{8}$`,
	"$randomBankAccountName": `^[A-Z][a-z]+( [A-Z][a-z]+)? Account$`,
	"$randomCreditCardMask":  `^\d{4}$`,
	"$randomPrice":           `^(\d|[1-9]\d{1,2}|1000)\.\d\d$`,
	"$randomTransactionType": `^(deposit|withdrawal|payment|invoice)$`,
	"$randomCurrencyCode":    `^[A-Z]{3}$`,
	"$randomCurrencyName":    `^\p{Lu}[\p{L} .,'()/-]*$`,
	"$randomCurrencySymbol":  `^\S{1,4}$`,
	"$randomBitcoin":         `^[13][1-9A-HJ-NP-Za-km-z]{24,33}$`,
	"$randomBankAccountIban": `^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$`,
	"$randomBankAccountBic":  `^[A-Z]{3}[AEIOU][A-Z]{2}[A-Z]1([A-Z][AEIOU][A-Z]|\d{3})?$`,

	"$randomAbbreviation": `^[A-Z0-9]{2,5}$`,
	"$randomAdjective":    `^[a-z0-9][a-z0-9 -]*$`,
	"$randomNoun":         `^[a-z][a-z ]*$`,
	"$randomVerb":         `^[a-z]+( [a-z]+)?$`,
	"$randomIngverb":      `^[a-z]+ing( [a-z]+)?$`,
	"$randomPhrase":       `^[A-Za-z][A-Za-z0-9 ,'-]+!$`,

	"$randomAvatarImage":    `^https://cdn\.fakercloud\.com/avatars/[a-z]+_128\.jpg$`,
	"$randomImageUrl":       `^http://placeimg\.com/640/480$`,
	"$randomAbstractImage":  placeImgRe("abstract"),
	"$randomAnimalsImage":   placeImgRe("animals"),
	"$randomBusinessImage":  placeImgRe("business"),
	"$randomCatsImage":      placeImgRe("cats"),
	"$randomCityImage":      placeImgRe("city"),
	"$randomFoodImage":      placeImgRe("food"),
	"$randomNightlifeImage": placeImgRe("nightlife"),
	"$randomFashionImage":   placeImgRe("fashion"),
	"$randomPeopleImage":    placeImgRe("people"),
	"$randomNatureImage":    placeImgRe("nature"),
	"$randomSportsImage":    placeImgRe("sports"),
	"$randomTransportImage": placeImgRe("transport"),
	"$randomImageDataUri": `^data:image/svg\+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww\.w3\.org%2F2000%2Fsvg%22` +
		`[A-Za-z0-9%._-]*%3C%2Fsvg%3E$`,

	"$randomEmail":        `^[A-Za-z]+([._][A-Za-z]+)?\d{0,2}@(gmail|yahoo|hotmail)\.com$`,
	"$randomExampleEmail": `^[A-Za-z]+([._][A-Za-z]+)?\d{0,2}@example\.(org|com|net)$`,
	"$randomUserName":     `^[A-Za-z]+([._][A-Za-z]+)?\d{0,2}$`,
	"$randomProtocol":     `^https?$`,
	"$randomUrl":          `^https?://[a-z]+\.[a-z]+$`,
	"$randomDomainName":   `^[a-z]+\.[a-z]+$`,
	"$randomDomainSuffix": `^[a-z]{2,4}$`,
	"$randomDomainWord":   `^[a-z]+$`,
	"$randomIP":           `^(` + octet + `\.){3}` + octet + `$`,
	"$randomIPV6":         `^([0-9a-f]{4}:){7}[0-9a-f]{4}$`,
	"$randomUserAgent":    `^[A-Za-z]+/\d[\w.]* \(.+\)`,
	"$randomHexColor":     `^#[0-9a-f]{6}$`,
	"$randomMACAddress":   `^([0-9a-f]{2}:){5}[0-9a-f]{2}$`,
	"$randomPassword":     `^\w{15}$`,

	"$randomLoremWord":       `^[a-z]+$`,
	"$randomLoremWords":      `^[a-z]+ [a-z]+ [a-z]+$`,
	"$randomLoremSentence":   `^` + sentence + `$`,
	"$randomLoremSlug":       `^[a-z]+-[a-z]+-[a-z]+$`,
	"$randomLoremSentences":  `^` + sentence + `( ` + sentence + `){1,5}$`,
	"$randomLoremParagraph":  `^` + paragraph + `$`,
	"$randomLoremParagraphs": `^` + paragraph + `\n \r` + paragraph + `\n \r` + paragraph + `$`,
	"$randomLoremText": `^([a-z]+|[a-z]+ [a-z]+ [a-z]+|` + sentence + `( ` + sentence + `)*|` +
		paragraph + `\n \r` + paragraph + `\n \r` + paragraph + `|` + sentence + `(\n` + sentence + `)*)$`,
	"$randomLoremLines": `^` + sentence + `(\n` + sentence + `){0,4}$`,

	"$randomFirstName": `^[A-Z][A-Za-z]*$`,
	"$randomLastName":  `^[A-Z][A-Za-z]*$`,
	"$randomFullName": `^((Mr\.|Mrs\.|Ms\.|Miss|Dr\.) )?` + firstLast +
		`( (Jr\.|Sr\.|I|II|III|IV|V|MD|DDS|PhD|DVM))?$`,
	"$randomJobTitle":      `^[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+$`,
	"$randomNamePrefix":    `^(Mr\.|Mrs\.|Ms\.|Miss|Dr\.)$`,
	"$randomNameSuffix":    `^(Jr\.|Sr\.|I|II|III|IV|V|MD|DDS|PhD|DVM)$`,
	"$randomJobDescriptor": `^[A-Z][a-z]+$`,
	"$randomJobArea":       `^[A-Z][a-z]+$`,
	"$randomJobType":       `^[A-Z][a-z]+$`,

	"$randomUUID":         uuidRe,
	"$randomBoolean":      `^(true|false)$`,
	"$randomWord":         `^\S+$`,
	"$randomAlphaNumeric": `^[0-9a-z]$`,

	"$randomFileName":       `^` + fileBase + `\.[a-z0-9]+$`,
	"$randomCommonFileName": `^` + fileBase + `\.(pdf|mpga|mp2|mp2a|mp3|m2a|m3a|wav|png|jpeg|jpg|jpe|gif|mp4|mp4v|mpg4|mpeg|mpg|mpe|m1v|m2v|html|htm|shtml)$`,
	"$randomMimeType":       `^[a-z0-9.+-]+/[A-Za-z0-9._+-]+$`,
	"$randomCommonFileType": `^(video|audio|image|text|application)$`,
	"$randomCommonFileExt":  `^(pdf|mpga|mp2|mp2a|mp3|m2a|m3a|wav|png|jpeg|jpg|jpe|gif|mp4|mp4v|mpg4|mpeg|mpg|mpe|m1v|m2v|html|htm|shtml)$`,
	"$randomFileType":       `^(application|audio|chemical|font|image|message|model|multipart|text|video|x-conference|x-shader)$`,
	"$randomFileExt":        `^[a-z0-9]+$`,
	"$randomSemver":         `^\d\.\d\.\d$`,
}

// fixedNow is the clock the tests pin: a Monday, with milliseconds, in
// UTC as CI machines usually are.
var fixedNow = time.Date(2024, time.May, 6, 7, 8, 9, 123_456_789, time.UTC)

func newTestGenerator(seed uint64) *Generator {
	g := NewGenerator(seed, true)
	g.SetClock(func() time.Time { return fixedNow })
	return g
}

func TestNamesMatchPostman(t *testing.T) {
	t.Parallel()
	want := slices.Sorted(slices.Values(postmanNames))
	if diff := cmp.Diff(want, Names()); diff != "" {
		t.Errorf("Names() differs from Postman's list (-postman +ours):\n%s", diff)
	}
	if n := len(want); n != 118 {
		t.Errorf("Postman's list has %d names here, want 118 (3 + 115 $random*)", n)
	}
	names := Names()
	names[0] = "changed"
	if Names()[0] == "changed" {
		t.Error("Names() shares its slice with the package")
	}
}

func TestEveryNameHasAValueAndDescription(t *testing.T) {
	t.Parallel()
	g := newTestGenerator(1)
	for _, name := range postmanNames {
		v, ok := g.Value(name)
		if !ok || v == "" {
			t.Errorf("Value(%q) = %q, %v; want a value", name, v, ok)
		}
		if d, ok := Description(name); !ok || d == "" {
			t.Errorf("Description(%q) = %q, %v; want Postman's description", name, d, ok)
		}
	}
	if d, _ := Description("$guid"); d != "A v4 style guid" {
		t.Errorf(`Description("$guid") = %q, want Postman's "A v4 style guid"`, d)
	}
}

func TestUnknownNames(t *testing.T) {
	t.Parallel()
	g := newTestGenerator(1)
	for _, name := range []string{"", "$", "guid", "$GUID", "$randomint", "$random", "$randomInt ", "$randomNope"} {
		if v, ok := g.Value(name); ok || v != "" {
			t.Errorf("Value(%q) = %q, %v; want \"\", false", name, v, ok)
		}
		if _, ok := Description(name); ok {
			t.Errorf("Description(%q) found a description", name)
		}
	}
}

func TestFormats(t *testing.T) {
	t.Parallel()
	for _, name := range postmanNames {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			pattern, ok := formats[name]
			if !ok {
				t.Fatalf("no format regexp for %s", name)
			}
			re := regexp.MustCompile(pattern)
			for seed := range uint64(4) {
				g := newTestGenerator(seed)
				for range 150 {
					v, _ := g.Value(name)
					if !re.MatchString(v) {
						t.Fatalf("seed %d: %s = %q, does not match %s", seed, name, v, pattern)
					}
				}
			}
		})
	}
	for name := range formats {
		if !slices.Contains(postmanNames, name) {
			t.Errorf("format for %s, which is not in Postman's list", name)
		}
	}
}

// draw returns n values of name from g.
func draw(g *Generator, name string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i], _ = g.Value(name)
	}
	return out
}

func TestRanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		min, max float64
	}{
		{"$randomInt", 0, 1000},
		{"$randomPrice", 0, 1000},
		{"$randomLatitude", -90, 90},
		{"$randomLongitude", -180, 180},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := newTestGenerator(7)
			lo, hi := tt.max, tt.min
			for _, v := range draw(g, tt.name, 2000) {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || f < tt.min || f > tt.max {
					t.Fatalf("%s = %q, want a number in [%v, %v]", tt.name, v, tt.min, tt.max)
				}
				lo, hi = min(lo, f), max(hi, f)
			}
			// 2000 draws over the range: the extremes must come near its ends,
			// or the range is narrower than Postman's.
			span := tt.max - tt.min
			if lo > tt.min+span/20 || hi < tt.max-span/20 {
				t.Errorf("%s drew only [%v, %v] of [%v, %v]", tt.name, lo, hi, tt.min, tt.max)
			}
		})
	}
}

// Faker halves each channel, so Postman's colours never pass #808080.
func TestHexColorChannels(t *testing.T) {
	t.Parallel()
	g := newTestGenerator(9)
	for _, c := range draw(g, "$randomHexColor", 500) {
		for i := 1; i < 7; i += 2 {
			if v, err := strconv.ParseUint(c[i:i+2], 16, 8); err != nil || v > 0x80 {
				t.Fatalf("$randomHexColor = %s, want channels up to 80", c)
			}
		}
	}
}

// TestPasswordCharacters draws passwords until every character faker's
// /\w/ pattern allows has come up: Newman 6.2.2's $randomPassword gave
// "R8v1Bl1COxAnR_6" and "pfA2Ib3D0xNhNS_", where colrun never drew an
// underscore.
func TestPasswordCharacters(t *testing.T) {
	t.Parallel()
	g := newTestGenerator(11)
	seen := map[rune]bool{}
	for _, p := range draw(g, "$randomPassword", 500) {
		for _, r := range p {
			seen[r] = true
		}
	}
	var missing []rune
	for _, r := range "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz" {
		if !seen[r] {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 || len(seen) != 63 {
		t.Errorf("in 500 passwords: %d distinct characters, never %q; want the 63 of /\\w/", len(seen), string(missing))
	}
}

func TestIBANChecksum(t *testing.T) {
	t.Parallel()
	g := newTestGenerator(3)
	for _, iban := range draw(g, "$randomBankAccountIban", 300) {
		// ISO 13616: move the first four characters to the end, letters to
		// 10..35, and the number is 1 modulo 97.
		var digits strings.Builder
		for _, c := range iban[4:] + iban[:4] {
			if c >= 'A' && c <= 'Z' {
				digits.WriteString(strconv.Itoa(int(c-'A') + 10))
			} else {
				digits.WriteRune(c)
			}
		}
		n, ok := new(big.Int).SetString(digits.String(), 10)
		if !ok || new(big.Int).Mod(n, big.NewInt(97)).Int64() != 1 {
			t.Errorf("IBAN %s fails the mod-97 check", iban)
		}
	}
}

func TestClock(t *testing.T) {
	t.Parallel()
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		now  time.Time
		want string
	}{
		{"$timestamp", fixedNow, "1714979289"},
		{"$timestamp", fixedNow.In(cet), "1714979289"},
		{"$isoTimestamp", fixedNow, "2024-05-06T07:08:09.123Z"},
		{"$isoTimestamp", fixedNow.In(cet), "2024-05-06T07:08:09.123Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.now.Location().String(), func(t *testing.T) {
			t.Parallel()
			g := NewGenerator(1, true)
			g.SetClock(func() time.Time { return tt.now })
			if got, _ := g.Value(tt.name); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestDatesAroundClock(t *testing.T) {
	t.Parallel()
	const layout = "Mon Jan 02 2006 15:04:05 GMT-0700"
	day, year := 24*time.Hour, 365*24*time.Hour
	tests := []struct {
		name     string
		from, to time.Time // inclusive, to the second
	}{
		{"$randomDatePast", fixedNow.Add(-year), fixedNow.Add(-time.Second)},
		{"$randomDateFuture", fixedNow.Add(time.Second), fixedNow.Add(year)},
		{"$randomDateRecent", fixedNow.Add(-day), fixedNow.Add(-time.Second)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := newTestGenerator(5)
			from, to := tt.from.Truncate(time.Second), tt.to.Truncate(time.Second).Add(time.Second)
			for _, v := range draw(g, tt.name, 500) {
				stamp, zone, _ := strings.Cut(v, " (")
				got, err := time.Parse(layout, stamp)
				if err != nil {
					t.Fatalf("%s = %q: %v", tt.name, v, err)
				}
				if got.Before(from) || got.After(to) {
					t.Fatalf("%s = %q, want between %v and %v", tt.name, v, from, to)
				}
				if zone != "Coordinated Universal Time)" {
					t.Fatalf("%s = %q, want JavaScript's UTC zone name", tt.name, v)
				}
			}
		})
	}
}

func TestJSDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   time.Time
		want string
	}{
		{fixedNow, "Mon May 06 2024 07:08:09 GMT+0000 (Coordinated Universal Time)"},
		{fixedNow.In(time.FixedZone("CET", 3600)), "Mon May 06 2024 08:08:09 GMT+0100 (CET)"},
		{fixedNow.In(time.FixedZone("EST", -5*3600)), "Mon May 06 2024 02:08:09 GMT-0500 (EST)"},
	}
	for _, tt := range tests {
		if got := jsDate(tt.in); got != tt.want {
			t.Errorf("jsDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// sequence draws every name three times, in Postman's order.
func sequence(g *Generator) []string {
	var out []string
	for range 3 {
		for _, name := range postmanNames {
			v, _ := g.Value(name)
			out = append(out, name+"="+v)
		}
	}
	return out
}

func TestSeedReproduces(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{0, 1, 42, 1<<64 - 1} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			a, b := sequence(newTestGenerator(seed)), sequence(newTestGenerator(seed))
			if diff := cmp.Diff(a, b); diff != "" {
				t.Errorf("seed %d gave two sequences (-first +second):\n%s", seed, diff)
			}
		})
	}
}

func TestSeedsDiffer(t *testing.T) {
	t.Parallel()
	a, b := sequence(newTestGenerator(1)), sequence(newTestGenerator(2))
	if cmp.Equal(a, b) {
		t.Fatal("seeds 1 and 2 gave the same sequence")
	}
	// Each random variable must depend on the seed, not only the sequence
	// as a whole: over ten draws, seeds 1 and 2 must disagree somewhere.
	fixedValue := map[string]bool{"$timestamp": true, "$isoTimestamp": true, "$randomImageUrl": true, "$randomImageDataUri": true}
	for _, name := range postmanNames {
		if fixedValue[name] || strings.HasSuffix(name, "Image") && name != "$randomAvatarImage" {
			continue
		}
		if cmp.Equal(draw(newTestGenerator(1), name, 10), draw(newTestGenerator(2), name, 10)) {
			t.Errorf("%s: seeds 1 and 2 gave the same ten values", name)
		}
	}
	// Values also change from one call to the next, as in Postman.
	g := newTestGenerator(1)
	if a, b := draw(g, "$guid", 1)[0], draw(g, "$guid", 1)[0]; a == b {
		t.Errorf("two $guid calls both gave %s", a)
	}
}

func TestUnseededRunsDiffer(t *testing.T) {
	t.Parallel()
	a, b := draw(NewGenerator(0, false), "$guid", 3), draw(NewGenerator(0, false), "$guid", 3)
	if cmp.Equal(a, b) {
		t.Errorf("two unseeded generators both gave %v", a)
	}
}

func TestSetClockNilRestoresTimeNow(t *testing.T) {
	t.Parallel()
	g := newTestGenerator(1)
	g.SetClock(nil)
	if v, _ := g.Value("$isoTimestamp"); v == "2024-05-06T07:08:09.123Z" {
		t.Errorf("$isoTimestamp = %s after SetClock(nil), still the pinned clock", v)
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	g := newTestGenerator(1)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, name := range postmanNames {
				g.Value(name)
			}
		})
	}
	wg.Wait()
}

func TestResolverDrawsPerOccurrence(t *testing.T) {
	t.Parallel()
	r := NewResolver(NewScopes(newTestGenerator(1)))
	got, err := r.Replace("{{$guid}} {{$guid}} {{$randomNope}}")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(got, " ")
	if len(parts) != 3 || parts[0] == parts[1] || parts[2] != "{{$randomNope}}" {
		t.Errorf("Replace gave %q, want two different GUIDs and {{$randomNope}} left alone", got)
	}
	re := regexp.MustCompile(uuidRe)
	if !re.MatchString(parts[0]) || !re.MatchString(parts[1]) {
		t.Errorf("Replace gave %q, want GUIDs", got)
	}
}

func BenchmarkValue(b *testing.B) {
	for _, name := range []string{"$randomFirstName", "$guid"} {
		b.Run(name, func(b *testing.B) {
			g := NewGenerator(1, true)
			for b.Loop() {
				g.Value(name)
			}
		})
	}
}
