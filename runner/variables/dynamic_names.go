package variables

// The tables below are copied from postman-collection 4.4.0
// (lib/superstring/dynamic-variables.js) and the en locale of
// @faker-js/faker 5.5.3 that it calls. gofakeit supplies the large
// vocabularies (names, places, lorem, hacker speak, file extensions);
// these are the small lists it lacks or has merged into other lists, kept
// here so that values keep the kind Postman gives them.

// dynamicVar is one of Postman's dynamic variables.
type dynamicVar struct {
	desc string                  // Postman's description, word for word
	gen  func(*Generator) string // called with the generator's lock held
}

// dynamicVars holds every name in Postman's list with its generator.
var dynamicVars = map[string]dynamicVar{
	"$guid":                        {"A v4 style guid", (*Generator).guid},
	"$timestamp":                   {"The current timestamp", (*Generator).timestamp},
	"$isoTimestamp":                {"The current ISO timestamp at zero UTC", (*Generator).isoTimestamp},
	"$randomInt":                   {"A random integer between 0 and 1000", (*Generator).integer},
	"$randomPhoneNumber":           {"A random 10-digit phone number", (*Generator).phoneNumber},
	"$randomPhoneNumberExt":        {"A random phone number with extension (12 digits)", (*Generator).phoneNumberExt},
	"$randomLocale":                {"A random two-letter language code (ISO 639-1)", (*Generator).locale},
	"$randomWords":                 {"Some random words", (*Generator).words},
	"$randomFilePath":              {"A random file path", (*Generator).filePath},
	"$randomDirectoryPath":         {"A random directory path", (*Generator).directoryPath},
	"$randomCity":                  {"A random city name", (*Generator).city},
	"$randomStreetName":            {"A random street name", (*Generator).streetName},
	"$randomStreetAddress":         {"A random street address (e.g. 1234 Main Street)", (*Generator).streetAddress},
	"$randomCountry":               {"A random country", (*Generator).country},
	"$randomCountryCode":           {"A random 2-letter country code (ISO 3166-1 alpha-2)", (*Generator).countryCode},
	"$randomLatitude":              {"A random latitude coordinate", (*Generator).latitude},
	"$randomLongitude":             {"A random longitude coordinate", (*Generator).longitude},
	"$randomColor":                 {"A random color", (*Generator).color},
	"$randomDepartment":            {"A random commerce category (e.g. electronics, clothing)", (*Generator).department},
	"$randomProductName":           {"A random product name (e.g. handmade concrete tuna)", (*Generator).productName},
	"$randomProductAdjective":      {"A random product adjective (e.g. tasty, eco-friendly)", (*Generator).productAdjective},
	"$randomProductMaterial":       {"A random product material (e.g. steel, plastic, leather)", (*Generator).productMaterial},
	"$randomProduct":               {"A random product (e.g. shoes, table, chair)", (*Generator).product},
	"$randomCompanyName":           {"A random company name", (*Generator).companyName},
	"$randomCompanySuffix":         {"A random company suffix (e.g. Inc, LLC, Group)", (*Generator).companySuffix},
	"$randomCatchPhrase":           {"A random catchphrase", (*Generator).catchPhrase},
	"$randomBs":                    {"A random phrase of business speak", (*Generator).bs},
	"$randomCatchPhraseAdjective":  {"A random catchphrase adjective", (*Generator).catchPhraseAdjective},
	"$randomCatchPhraseDescriptor": {"A random catchphrase descriptor", (*Generator).catchPhraseDescriptor},
	"$randomCatchPhraseNoun":       {"Randomly generates a catchphrase noun", (*Generator).catchPhraseNoun},
	"$randomBsAdjective":           {"A random business speak adjective", (*Generator).bsAdjective},
	"$randomBsBuzz":                {"A random business speak buzzword", (*Generator).bsBuzz},
	"$randomBsNoun":                {"A random business speak noun", (*Generator).bsNoun},
	"$randomDatabaseColumn":        {"A random database column name (e.g. updatedAt, token, group)", (*Generator).databaseColumn},
	"$randomDatabaseType":          {"A random database type (e.g. tiny int, double, point)", (*Generator).databaseType},
	"$randomDatabaseCollation":     {"A random database collation (e.g. cp1250_bin)", (*Generator).databaseCollation},
	"$randomDatabaseEngine":        {"A random database engine (e.g. Memory, Archive, InnoDB)", (*Generator).databaseEngine},
	"$randomDatePast":              {"A random past datetime", (*Generator).datePast},
	"$randomDateFuture":            {"A random future datetime", (*Generator).dateFuture},
	"$randomDateRecent":            {"A random recent datetime", (*Generator).dateRecent},
	"$randomMonth":                 {"A random month", (*Generator).month},
	"$randomWeekday":               {"A random weekday", (*Generator).weekday},
	"$randomBankAccount":           {"A random 8-digit bank account number", (*Generator).bankAccount},
	"$randomBankAccountName":       {"A random bank account name (e.g. savings account, checking account)", (*Generator).bankAccountName},
	"$randomCreditCardMask":        {"A random masked credit card number", (*Generator).creditCardMask},
	"$randomPrice":                 {"A random price between 0.00 and 1000.00", (*Generator).price},
	"$randomTransactionType":       {"A random transaction type (e.g. invoice, payment, deposit)", (*Generator).transactionType},
	"$randomCurrencyCode":          {"A random 3-letter currency code (ISO-4217)", (*Generator).currencyCode},
	"$randomCurrencyName":          {"A random currency name", (*Generator).currencyName},
	"$randomCurrencySymbol":        {"A random currency symbol", (*Generator).currencySymbol},
	"$randomBitcoin":               {"A random bitcoin address", (*Generator).bitcoin},
	"$randomBankAccountIban":       {"A random 15-31 character IBAN (International Bank Account Number)", (*Generator).bankAccountIban},
	"$randomBankAccountBic":        {"A random BIC (Bank Identifier Code)", (*Generator).bankAccountBic},
	"$randomAbbreviation":          {"A random abbreviation", (*Generator).abbreviation},
	"$randomAdjective":             {"A random adjective", (*Generator).adjective},
	"$randomNoun":                  {"A random noun", (*Generator).noun},
	"$randomVerb":                  {"A random verb", (*Generator).verb},
	"$randomIngverb":               {"A random verb ending in “-ing”", (*Generator).ingverb},
	"$randomPhrase":                {"A random phrase", (*Generator).phrase},
	"$randomAvatarImage":           {"A random avatar image", (*Generator).avatarImage},
	"$randomImageUrl":              {"A URL for a random image", placeImg("")},
	"$randomAbstractImage":         {"A URL for a random abstract image", placeImg("abstract")},
	"$randomAnimalsImage":          {"A URL for a random animal image", placeImg("animals")},
	"$randomBusinessImage":         {"A URL for a random stock business image", placeImg("business")},
	"$randomCatsImage":             {"A URL for a random cat image", placeImg("cats")},
	"$randomCityImage":             {"A URL for a random city image", placeImg("city")},
	"$randomFoodImage":             {"A URL for a random food image", placeImg("food")},
	"$randomNightlifeImage":        {"A URL for a random nightlife image", placeImg("nightlife")},
	"$randomFashionImage":          {"A URL for a random fashion image", placeImg("fashion")},
	"$randomPeopleImage":           {"A URL for a random image of a person", placeImg("people")},
	"$randomNatureImage":           {"A URL for a random nature image", placeImg("nature")},
	"$randomSportsImage":           {"A URL for a random sports image", placeImg("sports")},
	"$randomTransportImage":        {"A URL for a random transportation image", placeImg("transport")},
	"$randomImageDataUri":          {"A random image data URI", constant(imageDataURI)},
	"$randomEmail":                 {"A random email address", (*Generator).email},
	"$randomExampleEmail":          {"A random email address from an “example” domain (e.g. ben@example.com)", (*Generator).exampleEmail},
	"$randomUserName":              {"A random username", (*Generator).userName},
	"$randomProtocol":              {"A random internet protocol", (*Generator).protocol},
	"$randomUrl":                   {"A random URL", (*Generator).url},
	"$randomDomainName":            {"A random domain name (e.g. gracie.biz, trevor.info)", (*Generator).domainName},
	"$randomDomainSuffix":          {"A random domain suffix (e.g. .com, .net, .org)", (*Generator).domainSuffix},
	"$randomDomainWord":            {"A random unqualified domain name (a name with no dots)", (*Generator).domainWord},
	"$randomIP":                    {"A random IPv4 address", (*Generator).ipv4},
	"$randomIPV6":                  {"A random IPv6 address", (*Generator).ipv6},
	"$randomUserAgent":             {"A random user agent", (*Generator).userAgent},
	"$randomHexColor":              {"A random hex value", (*Generator).hexColor},
	"$randomMACAddress":            {"A random MAC address", (*Generator).macAddress},
	"$randomPassword":              {"A random 15-character alpha-numeric password", (*Generator).password},
	"$randomLoremWord":             {"A random word of lorem ipsum text", (*Generator).loremWord},
	"$randomLoremWords":            {"Some random words of lorem ipsum text", (*Generator).loremWords},
	"$randomLoremSentence":         {"A random sentence of lorem ipsum text", (*Generator).loremSentence},
	"$randomLoremSlug":             {"A random lorem ipsum URL slug", (*Generator).loremSlug},
	"$randomLoremSentences":        {"A random 2-6 sentences of lorem ipsum text", (*Generator).loremSentences},
	"$randomLoremParagraph":        {"A random paragraph of lorem ipsum text", (*Generator).loremParagraph},
	"$randomLoremParagraphs":       {"3 random paragraphs of lorem ipsum text", (*Generator).loremParagraphs},
	"$randomLoremText":             {"A random amount of lorem ipsum text", (*Generator).loremText},
	"$randomLoremLines":            {"1-5 random lines of lorem ipsum", (*Generator).loremLines},
	"$randomFirstName":             {"A random first name", (*Generator).firstName},
	"$randomLastName":              {"A random last name", (*Generator).lastName},
	"$randomFullName":              {"A random first and last name", (*Generator).fullName},
	"$randomJobTitle":              {"A random job title (e.g. senior software developer)", (*Generator).jobTitle},
	"$randomNamePrefix":            {"A random name prefix (e.g. Mr., Mrs., Dr.)", (*Generator).namePrefix},
	"$randomNameSuffix":            {"A random name suffix (e.g. Jr., MD, PhD)", (*Generator).nameSuffix},
	"$randomJobDescriptor":         {"A random job descriptor (e.g., senior, chief, corporate, etc.)", (*Generator).jobDescriptor},
	"$randomJobArea":               {"A random job area (e.g. branding, functionality, usability)", (*Generator).jobArea},
	"$randomJobType":               {"A random job type (e.g. supervisor, manager, coordinator, etc.)", (*Generator).jobType},
	"$randomUUID":                  {"A random 36-character UUID", (*Generator).uuid},
	"$randomBoolean":               {"A random boolean value (true/false)", (*Generator).boolean},
	"$randomWord":                  {"A random word", (*Generator).word},
	"$randomAlphaNumeric":          {"A random alpha-numeric character", (*Generator).alphaNumeric},
	"$randomFileName":              {"A random file name (includes uncommon extensions)", (*Generator).fileName},
	"$randomCommonFileName":        {"A random file name", (*Generator).commonFileName},
	"$randomMimeType":              {"A random MIME type", (*Generator).mimeType},
	"$randomCommonFileType":        {"A random, common file type (e.g., video, text, image, etc.)", (*Generator).commonFileType},
	"$randomCommonFileExt":         {"A random, common file extension (.doc, .jpg, etc.)", (*Generator).commonFileExt},
	"$randomFileType":              {"A random file type (includes uncommon file types)", (*Generator).fileType},
	"$randomFileExt":               {"A random file extension (includes uncommon extensions)", (*Generator).fileExt},
	"$randomSemver":                {"A random semantic version number", (*Generator).semver},
}

// placeImg mirrors faker's image URLs, which take no random input: Postman
// returns the same URL every time.
func placeImg(category string) func(*Generator) string {
	u := "http://placeimg.com/640/480"
	if category != "" {
		u += "/" + category
	}
	return constant(u)
}

func constant(s string) func(*Generator) string {
	return func(*Generator) string { return s }
}

// imageDataURI is exactly what Postman yields for $randomImageDataUri:
// faker's dataUri is called without a size, hence the "undefined" and NaN.
const imageDataURI = "data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20version%3D%221.1%22%20baseProfile%3D%22full%22%20width%3D%22undefined%22%20height%3D%22undefined%22%3E%3Crect%20width%3D%22100%25%22%20height%3D%22100%25%22%20fill%3D%22grey%22%2F%3E%3Ctext%20x%3D%22NaN%22%20y%3D%22NaN%22%20font-size%3D%2220%22%20alignment-baseline%3D%22middle%22%20text-anchor%3D%22middle%22%20fill%3D%22white%22%3Eundefinedxundefined%3C%2Ftext%3E%3C%2Fsvg%3E"

// locales is Postman's own list (from Chromium), used instead of faker's
// random.locale, which only ever says "en".
var locales = []string{
	"af", "am", "an", "ar", "ast", "az", "be", "bg", "bh", "bn", "br", "bs", "ca", "ceb",
	"ckb", "co", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fa", "fi",
	"fil", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "ha", "haw", "he", "hi", "hmn",
	"hr", "ht", "hu", "hy", "ia", "id", "ig", "is", "it", "ja", "jv", "ka", "kk", "km",
	"kn", "ko", "ku", "ky", "la", "lb", "ln", "lo", "lt", "lv", "mg", "mi", "mk", "ml",
	"mn", "mo", "mr", "ms", "mt", "my", "nb", "ne", "nl", "nn", "no", "ny", "oc", "om",
	"or", "pa", "pl", "ps", "pt", "qu", "rm", "ro", "ru", "sd", "sh", "si", "sk", "sl",
	"sm", "sn", "so", "sq", "sr", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
	"tk", "to", "tr", "tt", "tw", "ug", "uk", "ur", "uz", "vi", "wa", "xh", "yi", "yo",
	"zh", "zu",
}

// directoryPaths is Postman's list: faker's system.directoryPath returns
// nothing in the version Postman uses.
var directoryPaths = []string{
	"/Applications", "/bin", "/boot", "/boot/defaults", "/dev", "/etc", "/etc/defaults",
	"/etc/mail", "/etc/namedb", "/etc/periodic", "/etc/ppp", "/home", "/home/user",
	"/home/user/dir", "/lib", "/Library", "/lost+found", "/media", "/mnt", "/net",
	"/Network", "/opt", "/opt/bin", "/opt/include", "/opt/lib", "/opt/sbin", "/opt/share",
	"/private", "/private/tmp", "/private/var", "/proc", "/rescue", "/root", "/sbin",
	"/selinux", "/srv", "/sys", "/System", "/tmp", "/Users", "/usr", "/usr/X11R6",
	"/usr/bin", "/usr/include", "/usr/lib", "/usr/libdata", "/usr/libexec",
	"/usr/local/bin", "/usr/local/src", "/usr/obj", "/usr/ports", "/usr/sbin", "/usr/share",
	"/usr/src", "/var", "/var/log", "/var/mail", "/var/spool", "/var/tmp", "/var/yp",
}

var departments = []string{
	"Books", "Movies", "Music", "Games", "Electronics", "Computers", "Home", "Garden",
	"Tools", "Grocery", "Health", "Beauty", "Toys", "Kids", "Baby", "Clothing", "Shoes",
	"Jewelery", "Sports", "Outdoors", "Automotive", "Industrial",
}

var productAdjectives = []string{
	"Small", "Ergonomic", "Rustic", "Intelligent", "Gorgeous", "Incredible", "Fantastic",
	"Practical", "Sleek", "Awesome", "Generic", "Handcrafted", "Handmade", "Licensed",
	"Refined", "Unbranded", "Tasty",
}

var productMaterials = []string{
	"Steel", "Wooden", "Concrete", "Plastic", "Cotton", "Granite", "Rubber", "Metal",
	"Soft", "Fresh", "Frozen",
}

var products = []string{
	"Chair", "Car", "Computer", "Keyboard", "Mouse", "Bike", "Ball", "Gloves", "Pants",
	"Shirt", "Table", "Shoes", "Hat", "Towels", "Soap", "Tuna", "Chicken", "Fish", "Cheese",
	"Bacon", "Pizza", "Salad", "Sausages", "Chips",
}

var catchPhraseAdjectives = []string{
	"Adaptive", "Advanced", "Ameliorated", "Assimilated", "Automated", "Balanced",
	"Business-focused", "Centralized", "Cloned", "Compatible", "Configurable",
	"Cross-group", "Cross-platform", "Customer-focused", "Customizable", "Decentralized",
	"De-engineered", "Devolved", "Digitized", "Distributed", "Diverse", "Down-sized",
	"Enhanced", "Enterprise-wide", "Ergonomic", "Exclusive", "Expanded", "Extended",
	"Face to face", "Focused", "Front-line", "Fully-configurable", "Function-based",
	"Fundamental", "Future-proofed", "Grass-roots", "Horizontal", "Implemented",
	"Innovative", "Integrated", "Intuitive", "Inverse", "Managed", "Mandatory", "Monitored",
	"Multi-channelled", "Multi-lateral", "Multi-layered", "Multi-tiered", "Networked",
	"Object-based", "Open-architected", "Open-source", "Operative", "Optimized", "Optional",
	"Organic", "Organized", "Persevering", "Persistent", "Phased", "Polarised",
	"Pre-emptive", "Proactive", "Profit-focused", "Profound", "Programmable", "Progressive",
	"Public-key", "Quality-focused", "Reactive", "Realigned", "Re-contextualized",
	"Re-engineered", "Reduced", "Reverse-engineered", "Right-sized", "Robust", "Seamless",
	"Secured", "Self-enabling", "Sharable", "Stand-alone", "Streamlined", "Switchable",
	"Synchronised", "Synergistic", "Synergized", "Team-oriented", "Total",
	"Triple-buffered", "Universal", "Up-sized", "Upgradable", "User-centric",
	"User-friendly", "Versatile", "Virtual", "Visionary", "Vision-oriented",
}

var catchPhraseDescriptors = []string{
	"24 hour", "24/7", "3rd generation", "4th generation", "5th generation",
	"6th generation", "actuating", "analyzing", "asymmetric", "asynchronous",
	"attitude-oriented", "background", "bandwidth-monitored", "bi-directional",
	"bifurcated", "bottom-line", "clear-thinking", "client-driven", "client-server",
	"coherent", "cohesive", "composite", "context-sensitive", "contextually-based",
	"content-based", "dedicated", "demand-driven", "didactic", "directional", "discrete",
	"disintermediate", "dynamic", "eco-centric", "empowering", "encompassing",
	"even-keeled", "executive", "explicit", "exuding", "fault-tolerant", "foreground",
	"fresh-thinking", "full-range", "global", "grid-enabled", "heuristic", "high-level",
	"holistic", "homogeneous", "human-resource", "hybrid", "impactful", "incremental",
	"intangible", "interactive", "intermediate", "leading edge", "local", "logistical",
	"maximized", "methodical", "mission-critical", "mobile", "modular", "motivating",
	"multimedia", "multi-state", "multi-tasking", "national", "needs-based", "neutral",
	"next generation", "non-volatile", "object-oriented", "optimal", "optimizing",
	"radical", "real-time", "reciprocal", "regional", "responsive", "scalable", "secondary",
	"solution-oriented", "stable", "static", "systematic", "systemic", "system-worthy",
	"tangible", "tertiary", "transitional", "uniform", "upward-trending", "user-facing",
	"value-added", "web-enabled", "well-modulated", "zero administration", "zero defect",
	"zero tolerance",
}

var catchPhraseNouns = []string{
	"ability", "access", "adapter", "algorithm", "alliance", "analyzer", "application",
	"approach", "architecture", "archive", "artificial intelligence", "array", "attitude",
	"benchmark", "budgetary management", "capability", "capacity", "challenge", "circuit",
	"collaboration", "complexity", "concept", "conglomeration", "contingency", "core",
	"customer loyalty", "database", "data-warehouse", "definition", "emulation", "encoding",
	"encryption", "extranet", "firmware", "flexibility", "focus group", "forecast", "frame",
	"framework", "function", "functionalities", "Graphic Interface", "groupware",
	"Graphical User Interface", "hardware", "help-desk", "hierarchy", "hub",
	"implementation", "info-mediaries", "infrastructure", "initiative", "installation",
	"instruction set", "interface", "internet solution", "intranet", "knowledge user",
	"knowledge base", "local area network", "leverage", "matrices", "matrix", "methodology",
	"middleware", "migration", "model", "moderator", "monitoring", "moratorium",
	"neural-net", "open architecture", "open system", "orchestration", "paradigm",
	"parallelism", "policy", "portal", "pricing structure", "process improvement",
	"product", "productivity", "project", "projection", "protocol", "secured line",
	"service-desk", "software", "solution", "standardization", "strategy", "structure",
	"success", "superstructure", "support", "synergy", "system engine", "task-force",
	"throughput", "time-frame", "toolset", "utilisation", "website", "workforce",
}

var bsAdjectives = []string{
	"clicks-and-mortar", "value-added", "vertical", "proactive", "robust", "revolutionary",
	"scalable", "leading-edge", "innovative", "intuitive", "strategic", "e-business",
	"mission-critical", "sticky", "one-to-one", "24/7", "end-to-end", "global", "B2B",
	"B2C", "granular", "frictionless", "virtual", "viral", "dynamic", "24/365",
	"best-of-breed", "killer", "magnetic", "bleeding-edge", "web-enabled", "interactive",
	"dot-com", "sexy", "back-end", "real-time", "efficient", "front-end", "distributed",
	"seamless", "extensible", "turn-key", "world-class", "open-source", "cross-platform",
	"cross-media", "synergistic", "bricks-and-clicks", "out-of-the-box", "enterprise",
	"integrated", "impactful", "wireless", "transparent", "next-generation", "cutting-edge",
	"user-centric", "visionary", "customized", "ubiquitous", "plug-and-play",
	"collaborative", "compelling", "holistic", "rich",
}

// bsBuzzwords is faker's company.bs_verb, which Postman calls $randomBsBuzz.
var bsBuzzwords = []string{
	"implement", "utilize", "integrate", "streamline", "optimize", "evolve", "transform",
	"embrace", "enable", "orchestrate", "leverage", "reinvent", "aggregate", "architect",
	"enhance", "incentivize", "morph", "empower", "envisioneer", "monetize", "harness",
	"facilitate", "seize", "disintermediate", "synergize", "strategize", "deploy", "brand",
	"grow", "target", "syndicate", "synthesize", "deliver", "mesh", "incubate", "engage",
	"maximize", "benchmark", "expedite", "reintermediate", "whiteboard", "visualize",
	"repurpose", "innovate", "scale", "unleash", "drive", "extend", "engineer",
	"revolutionize", "generate", "exploit", "transition", "e-enable", "iterate",
	"cultivate", "matrix", "productize", "redefine", "recontextualize",
}

var bsNouns = []string{
	"synergies", "web-readiness", "paradigms", "markets", "partnerships", "infrastructures",
	"platforms", "initiatives", "channels", "eyeballs", "communities", "ROI", "solutions",
	"e-tailers", "e-services", "action-items", "portals", "niches", "technologies",
	"content", "vortals", "supply-chains", "convergence", "relationships", "architectures",
	"interfaces", "e-markets", "e-commerce", "systems", "bandwidth", "infomediaries",
	"models", "mindshare", "deliverables", "users", "schemas", "networks", "applications",
	"metrics", "e-business", "functionalities", "experiences", "web services",
	"methodologies", "blockchains",
}

var databaseColumns = []string{
	"id", "title", "name", "email", "phone", "token", "group", "category", "password",
	"comment", "avatar", "status", "createdAt", "updatedAt",
}

var databaseTypes = []string{
	"int", "varchar", "text", "date", "datetime", "tinyint", "time", "timestamp",
	"smallint", "mediumint", "bigint", "decimal", "float", "double", "real", "bit",
	"boolean", "serial", "blob", "binary", "enum", "set", "geometry", "point",
}

var databaseCollations = []string{
	"utf8_unicode_ci", "utf8_general_ci", "utf8_bin", "ascii_bin", "ascii_general_ci",
	"cp1250_bin", "cp1250_general_ci",
}

var databaseEngines = []string{
	"InnoDB", "MyISAM", "MEMORY", "CSV", "BLACKHOLE", "ARCHIVE",
}

var accountTypes = []string{
	"Checking", "Savings", "Money Market", "Investment", "Home Loan", "Credit Card",
	"Auto Loan", "Personal Loan",
}

var transactionTypes = []string{
	"deposit", "withdrawal", "payment", "invoice",
}

// currencySymbols are the distinct symbols in faker's currency table;
// gofakeit's currencies carry none.
var currencySymbols = []string{
	"؋", "Lek", "ƒ", "$", "ман", "KM", "лв", "Bs", "R$", "P", "p.", "BZ$", "CHF", "¥", "₡",
	"₱", "Kč", "kr", "RD$", "£", "€", "Q", "L", "kn", "Ft", "Rp", "₪", "Nu", "₹", "﷼", "J$",
	"៛", "₩", "₭", "₨", "Lt", "Ls", "ден", "₮", "RM", "MT", "₦", "C$", "B/.", "S/.", "Php",
	"zł", "Gs", "lei", "Дин.", "руб", "S", "Db", "฿", "₺", "TT$", "NT$", "₴", "$U", "₫",
	"R", "N$",
}

// jobTypes is faker's name.title.job; gofakeit has the descriptors and
// areas of a job title but not this last word.
var jobTypes = []string{
	"Supervisor", "Associate", "Executive", "Liaison", "Officer", "Manager", "Engineer",
	"Specialist", "Director", "Coordinator", "Administrator", "Architect", "Analyst",
	"Designer", "Planner", "Orchestrator", "Technician", "Developer", "Producer",
	"Consultant", "Assistant", "Facilitator", "Agent", "Representative", "Strategist",
}

// fileTypes are the top-level types of faker's MIME database.
var fileTypes = []string{
	"application", "audio", "chemical", "font", "image", "message", "model", "multipart",
	"text", "video", "x-conference", "x-shader",
}

// ibanFormats gives each country's BBAN as faker's iban.js does: a run of
// letters (a), digits (n) or either (c), with its length.
var ibanFormats = []string{
	"AL:n8,c16", "AD:n8,c12", "AT:n5,n11", "AZ:a4,n20", "BH:a4,c14", "BE:n3,n9",
	"BA:n6,n10", "BR:n13,n10,a1,c1", "BG:a4,n6,c8", "CR:n3,n14", "HR:n7,n10", "CY:n8,c16",
	"CZ:n10,n10", "DK:n4,n10", "DO:a4,n20", "TL:n3,n16", "EE:n4,n12", "FO:n4,n10",
	"FI:n6,n8", "FR:n10,c11,n2", "GE:a2,n16", "DE:n8,n10", "GI:a4,c15", "GR:n7,c16",
	"GL:n4,n10", "GT:c4,c4,c16", "HU:n8,n16", "IS:n6,n16", "IE:c4,n6,n8", "IL:n6,n13",
	"IT:a1,n10,c12", "JO:a4,n4,n18", "KZ:n3,c13", "XK:n4,n12", "KW:a4,c22", "LV:a4,c13",
	"LB:n4,c20", "LI:n5,c12", "LT:n5,n11", "LU:n3,c13", "MK:n3,c10,n2", "MT:a4,n5,c18",
	"MR:n10,n13", "MU:a4,n4,n15,a3", "MC:n10,c11,n2", "MD:c2,c18", "ME:n3,n15", "NL:a4,n10",
	"NO:n4,n7", "PK:a4,n16", "PS:c4,n9,n12", "PL:n8,n16", "PT:n8,n13", "QA:a4,c21",
	"RO:a4,c16", "SM:a1,n10,c12", "SA:n2,c18", "RS:n3,n15", "SK:n10,n10", "SI:n5,n10",
	"ES:n10,n10", "SE:n3,n17", "CH:n5,c12", "TN:n5,n15", "TR:n5,n1,n16", "AE:n3,n16",
	"GB:a4,n6,n8", "VG:c4,n16",
}

var (
	freeEmailDomains    = []string{"gmail.com", "yahoo.com", "hotmail.com"}
	exampleEmailDomains = []string{"example.org", "example.com", "example.net"}
	commonFileTypes     = []string{"video", "audio", "image", "text", "application"}
	vowels              = []string{"A", "E", "I", "O", "U"}
)

// commonFileExts are the extensions of faker's nine "common" MIME types,
// one list per type: faker picks the type first, so a type with many
// extensions is not favoured.
var commonFileExts = [][]string{
	{"pdf"},
	{"mpga", "mp2", "mp2a", "mp3", "m2a", "m3a"},
	{"wav"},
	{"png"},
	{"jpeg", "jpg", "jpe"},
	{"gif"},
	{"mp4", "mp4v", "mpg4"},
	{"mpeg", "mpg", "mpe", "m1v", "m2v"},
	{"html", "htm", "shtml"},
}
