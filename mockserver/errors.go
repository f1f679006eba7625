package mockserver

import (
	"fmt"
	"net/http"
	"strconv"
)

// apiError is a failure in Tableau's shape: an HTTP status and the
// six-digit code, summary and detail of the <error> element.
type apiError struct {
	status  int
	code    int
	summary string
	detail  string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.code, e.summary, e.detail) }

// node renders the error element: code as an attribute, then summary and
// detail, which JSON turns into {"summary","detail","code"}.
func (e *apiError) node() *node {
	return el("error").set("code", strconv.Itoa(e.code)).add(textEl("summary", e.summary), textEl("detail", e.detail))
}

// The codes are those Tableau documents or is seen to send; where Tableau's
// exact wording is unknown the detail says plainly what went wrong.

func errBadRequest(detail string) *apiError {
	return &apiError{http.StatusBadRequest, 400000, "Bad Request", detail}
}

func errMalformed() *apiError {
	return errBadRequest("Payload is either malformed or incomplete")
}

// errBadEscape answers a path with a malformed percent escape (%zz, or a
// % near the end). Tableau's wording for it is not documented; the code is
// its general 400000 and the detail the mock's own.
func errBadEscape(path string) *apiError {
	return errBadRequest(fmt.Sprintf("The URI '%s' has a malformed percent escape: %% must be followed by two hexadecimal digits.", path))
}

// errPrologDetail is Tableau's answer to a body it cannot read as XML,
// quoted in Salesforce KB 001474388 (a JSON sign-in sent as
// application/x-www-form-urlencoded).
func errPrologDetail() *apiError {
	return errBadRequest("Deserialization problem: Content is not allowed in prolog.")
}

// The paging codes are those of Tableau's reference (every list method's
// error table: 400006 Invalid page number, 400007 Invalid page size,
// 403014 Page size limit exceeded, as tabulated from the reference in
// github.com/iamdavehart/tabbycat src/api-errors.js). The page number
// wording is Tableau's: server-client-python issue #1304 quotes
// "400006: Bad Request / Invalid page number '5'" for a page past the
// last; the page size wordings follow that pattern and are the mock's.
func errPageSize(v string) *apiError {
	return &apiError{http.StatusBadRequest, 400007, "Bad Request", fmt.Sprintf("Invalid page size '%s'", v)}
}

// errPageSizeLimit answers a page size above 1000 with 403, not 400: the
// reference files it under Forbidden, and a Tableau Cloud user reports the
// 403 (Salesforce Trailblazer Community 0D5KX00000kQysZ0AS).
func errPageSizeLimit(v string) *apiError {
	return &apiError{http.StatusForbidden, 403014, "Forbidden", fmt.Sprintf("Page size '%s' is larger than the maximum page size of 1000", v)}
}

func errPageNumber(v string) *apiError {
	return &apiError{http.StatusBadRequest, 400006, "Bad Request", fmt.Sprintf("Invalid page number '%s'", v)}
}

// errFilterKey and errFilterValue are Tableau's answers to a filter it
// cannot read, in the wording server-client-python issues #753 and #442
// quote.
func errFilterKey() *apiError {
	return &apiError{http.StatusBadRequest, 400065, "Bad Request", "The filter query contains a key which is not recognized for this api version."}
}

func errFilterValue(field string) *apiError {
	return &apiError{http.StatusBadRequest, 400065, "Bad Request", fmt.Sprintf("The filter query is missing a value for key '%s'.", field)}
}

// errFilterOperator answers a filter whose operator the field does not
// take (name:gt:x) or that is no operator at all (name:like:x). Tableau
// answers these 400 (tableau/tableau-mcp's flows filter notes it, checked
// against Tableau 3.30); the code is its filter errors' 400065 and the
// wording the mock's own, as no quote of Tableau's was found.
func errFilterOperator(field, op string) *apiError {
	return &apiError{http.StatusBadRequest, 400065, "Bad Request",
		fmt.Sprintf("The filter query has the operator '%s' for key '%s', which does not take it.", op, field)}
}

// errFilterDate answers a date filter whose value is not ISO 8601. The
// code is Tableau's for a filter it cannot read (above); the wording is the
// mock's own, as no quote of Tableau's was found.
func errFilterDate(field, value string) *apiError {
	return &apiError{http.StatusBadRequest, 400065, "Bad Request",
		fmt.Sprintf("The filter query has the value '%s' for key '%s', which is not a date in ISO 8601 format (2016-05-04T21:24:49Z).", value, field)}
}

// errFilterNumber answers a numeric filter (size:gt:x) whose value is not
// an integer; like errFilterDate, Tableau's code with the mock's words.
func errFilterNumber(field, value string) *apiError {
	return &apiError{http.StatusBadRequest, 400065, "Bad Request",
		fmt.Sprintf("The filter query has the value '%s' for key '%s', which is not an integer.", value, field)}
}

// errSortKey and errSortDirection answer a sort expression Tableau cannot
// read. Tableau parses sort expressions as it parses filters and is not
// documented to word their errors apart, so they take the filter errors'
// code and pattern; the wording is inferred, not quoted.
func errSortKey() *apiError {
	return &apiError{http.StatusBadRequest, 400065, "Bad Request", "The sort query contains a key which is not recognized for this api version."}
}

func errSortDirection(field, dir string) *apiError {
	return &apiError{http.StatusBadRequest, 400065, "Bad Request",
		fmt.Sprintf("The sort query has the direction '%s' for key '%s'; the direction must be asc or desc.", dir, field)}
}

func errNoToken() *apiError {
	return &apiError{http.StatusUnauthorized, 401000, "Unauthorized Access", "No authentication credentials were provided"}
}

// errSignin is the one answer to every failed sign-in: it must not tell
// an attacker which of site, name, secret, token or claim was wrong.
func errSignin() *apiError {
	return &apiError{http.StatusUnauthorized, 401001, "Signin Error", "Error signing in to Tableau Server"}
}

// errSwitchSite is Tableau's documented answer when Switch Site cannot
// reach the site (rest_api_ref_authentication.htm, Switch Site errors):
// 401003 Switch Site Error.
func errSwitchSite() *apiError {
	return &apiError{http.StatusUnauthorized, 401003, "Switch Site Error",
		"There was a problem switching sites. The site might be unavailable or is not found."}
}

func errBadToken() *apiError {
	return &apiError{http.StatusUnauthorized, 401002, "Unauthorized Access", "Invalid authentication credentials were provided."}
}

func errWrongSite(user, sessionSite, urlSite string) *apiError {
	return &apiError{http.StatusForbidden, 403000, "Forbidden",
		fmt.Sprintf("User '%s' is authenticated for site '%s' and may not access or modify resources on site '%s'.", user, sessionSite, urlSite)}
}

// errForbidden is Tableau's answer to a signed-in user who lacks the
// permission an action needs. 403004 "User does not have permission for
// action" is the code and wording Tableau's REST API is seen to send (Tableau
// KB "403004 Error Returned Using Rest API"); the detail adds what was
// refused, since the mock knows.
func errForbidden(what string) *apiError {
	return &apiError{http.StatusForbidden, codeForbidden, "Forbidden", "User does not have permission for action. " + what}
}

const codeForbidden = 403004

func errSameSite(contentURL string) *apiError {
	return &apiError{http.StatusForbidden, 403070, "Forbidden",
		fmt.Sprintf("Redundant site switch: the session is already signed in to the site '%s'.", contentURL)}
}

func errUnknownResource(path string) *apiError {
	return &apiError{http.StatusNotFound, 404003, "Resource Not Found", fmt.Sprintf("Unknown resource '%s' specified in URI.", path)}
}

// errBadVersion is Tableau's answer to an API version it does not serve,
// in the wording Tableau documents for 404001 (rest_api_concepts_versions:
// "Version 'X' is not a valid version of the API").
func errBadVersion(v string) *apiError {
	return &apiError{http.StatusNotFound, 404001, "Resource Not Found", fmt.Sprintf("Version '%s' is not a valid version of the API.", v)}
}

// errNotFound is a 404 for an id that names nothing on the site.
func errNotFound(code int, kind, id string) *apiError {
	return &apiError{http.StatusNotFound, code, "Resource Not Found", fmt.Sprintf("%s '%s' could not be found.", kind, id)}
}

// The not-found codes are those of the error tables of Tableau's REST API
// reference for Query Site, Query User On Site, Query Project(s), Query
// Workbook, Query Data Source, Query View Image, Query Groups, Query Job,
// Query Flow and Update/Delete Schedule (tabulated from the reference in
// github.com/iamdavehart/tabbycat src/api-errors.js).
const (
	codeSiteNotFound       = 404000
	codeUserNotFound       = 404002
	codeDatasourceNotFound = 404004
	codeProjectNotFound    = 404005
	codeWorkbookNotFound   = 404006
	codeNotAFavorite       = 404010
	codeViewNotFound       = 404011
	codeGroupNotFound      = 404012
	codeJobNotFound        = 404018
	codeScheduleNotFound   = 404023
	codeFlowNotFound       = 404027
	// codeFavoriteDatasourceNotFound is what the Favorites reference
	// gives for an unknown data source (Add Data Source to Favorites,
	// Delete Data Source from Favorites), unlike the 404004 of the Data
	// Sources methods.
	codeFavoriteDatasourceNotFound = 404011
)

// errDefaultProject answers a change the Default project does not take:
// Tableau's reference gives 403003 for deleting it and 403005 for
// renaming it (Delete Project, Update Project).
func errDefaultProject(code int, detail string) *apiError {
	return &apiError{http.StatusForbidden, code, "Forbidden", detail}
}

const (
	codeDefaultProjectDelete = 403003
	codeDefaultProjectUpdate = 403005
)

// errJobComplete is Cancel Job's answer for a job that has already ended:
// 403091 in Tableau's reference ("Can not cancel job, because it's
// already complete").
func errJobComplete(id string) *apiError {
	return &apiError{http.StatusForbidden, 403091, "Forbidden",
		fmt.Sprintf("Job '%s' cannot be cancelled because it is already complete.", id)}
}

func errMethod(method string) *apiError {
	return &apiError{http.StatusMethodNotAllowed, 405000, "Method Not Allowed",
		fmt.Sprintf("Request method '%s' is not supported for this resource.", method)}
}

// errNotImplemented answers a real Tableau endpoint the mock lacks. Tableau
// never sends 501, so the status and the code 501000 (colrun's own) tell a
// gap in the mock apart from a mistyped URL, which gets 404003.
func errNotImplemented(method, path string) *apiError {
	return &apiError{http.StatusNotImplemented, 501000, "Not Implemented",
		fmt.Sprintf("%s %s is an endpoint of Tableau's REST API that the colrun mock server does not implement.", method, path)}
}

func errProjectConflict(name string) *apiError {
	return &apiError{http.StatusConflict, 409006, "Resource Conflict",
		fmt.Sprintf("A project named '%s' already exists in the same parent project.", name)}
}

func errTooLarge(limit int64) *apiError {
	return &apiError{http.StatusRequestEntityTooLarge, 413000, "Payload Too Large",
		fmt.Sprintf("The request body is larger than the limit of %d bytes.", limit)}
}

func errInternal() *apiError {
	return &apiError{http.StatusInternalServerError, 500000, "Internal Server Error", "The mock server failed to handle the request."}
}
