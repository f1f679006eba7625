package mockserver

import "testing"

// csvBody is a multipart body with a request_payload part (left out when
// empty) and a CSV file part.
func csvBody(field, payload, csv string) string {
	b := ""
	if payload != "" {
		b = "--b0undary\r\nContent-Disposition: name=\"request_payload\"\r\nContent-Type: text/xml\r\n\r\n" + payload + "\r\n"
	}
	return b + "--b0undary\r\nContent-Disposition: name=\"" + field + "\"; filename=\"users.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
		csv + "\r\n--b0undary--\r\n"
}

// TestUsersCSV imports users from a CSV file and deletes them with one:
// the users appear with the site roles the file's levels map to and sign
// in with its passwords, the jobs are Query Job's, and bad files are
// refused naming the line.
func TestUsersCSV(t *testing.T) {
	t.Parallel()
	mixed := "multipart/mixed; boundary=b0undary"
	users := "carol,pw-carol,Carol King,Explorer,None,yes,carol@example.com\n" +
		"dave,pw-dave,Dave,Creator,Site,no\n" +
		"erin\n"
	scenarios{
		{"import, then the users are there and sign in (xml)", []step{
			{method: "POST", path: "users/import", contentType: mixed, status: 202, save: map[string]string{"j": "id"},
				body: csvBody("tableau_user_import", `<tsRequest><user name="erin" authSetting="SAML"/></tsRequest>`, users),
				want: map[string]string{"type": "UserImport", "mode": "Asynchronous", "progress": "0"}},
			{path: "jobs/{j}", status: 200, want: map[string]string{"type": "UserImport"}},
			{path: "users?filter=siteRole:eq:ExplorerCanPublish", status: 200, want: map[string]string{"list": "carol"}},
			{path: "users?filter=siteRole:eq:SiteAdministratorCreator", status: 200, want: map[string]string{"list": "dave"}},
			{path: "users?filter=siteRole:eq:Unlicensed", status: 200, want: map[string]string{"list": "erin"}},
			{method: "POST", path: "auth/signin", body: passwordBody("dave", "pw-dave", ""), status: 200},
		}},
		{"import (json), then delete with a file; content owners are unlicensed", []step{
			{method: "POST", path: "users/import", contentType: mixed, json: true, status: 202,
				body: csvBody("tableau_user_import", "", users), want: map[string]string{"type": "UserImport"}},
			{method: "POST", path: "users/delete", contentType: mixed, json: true, status: 202, save: map[string]string{"j": "id"},
				body: csvBody("tableau_user_delete", "", "carol\n"+DemoAliceName+"\nnobody\n"+DemoAdminName+"\n"), want: map[string]string{"type": "UserDelete"}},
			{path: "jobs/{j}", json: true, status: 200, want: map[string]string{"type": "UserDelete"}},
			{path: "users?filter=name:in:[carol,dave]", status: 200, want: map[string]string{"list": "dave"}},
			{path: "users?filter=siteRole:eq:Unlicensed", status: 200, want: map[string]string{"list": "alice,erin"}},
			{path: "users?filter=name:eq:admin", status: 200, want: map[string]string{"list": "admin"}},
		}},
		{"bad files and callers", []step{
			{method: "POST", path: "users/import", contentType: mixed, status: 400, code: "400000",
				body: csvBody("tableau_user_import", "", "carol,pw,Carol,Wizard,None,no\n")},
			{method: "POST", path: "users/import", contentType: mixed, status: 400, code: "400000",
				body: csvBody("tableau_user_import", "", "ok\n,pw\n")},
			{method: "POST", path: "users/import", contentType: mixed, status: 400, code: "400000",
				body: csvBody("tableau_user_delete", "", "carol\n")},
			{method: "POST", path: "users/import", status: 400, code: "400000", body: "carol\n"},
			{path: "users?filter=name:eq:ok", status: 200, want: map[string]string{"count": "0"}},
			{as: DemoAliceName, method: "POST", path: "users/delete", contentType: mixed, status: 403, code: "403004",
				body: csvBody("tableau_user_delete", "", "carol\n")},
		}},
	}.run(t)
}
