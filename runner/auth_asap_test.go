package runner

import (
	"crypto"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"
)

// Keys the ASAP vectors were signed with (generated for these tests).
const asapTestRsaKey = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDdwZIZhSLqbXFK
kqL7BweqA8htGxXmWCAUVTb7/Txmw8z0QnFfRETg7HO4GbXI4ZzPkrnXQU/+uwhm
7qCjkf531p2cYDaxhVRWAldfl5Kc67dXKXW8bNb6Yp+kFlma79KK+yDtLm2gg9RR
G2ijRXnk3MnwjR+0uMxfbdRkdtEBTJQWTQy0xpuwmfmaRzUzgXABPNuC/fMKhbab
428IZUVQDPE2Qvdhx8d4F8CYrraCagZmxEi/xgMRw9jDQ/oT8WLPJCNo+B+IqxNT
9GX2KEp5G1WdpRjsIxMgf/6fd9ETkUdPDGFi/6KpBQ68FbYOpJ2poJSA3oI8LCl2
JZA+VoFTAgMBAAECggEAWzgJj7re6nzbiff41/cD1ZFZzFvEbezZQVPuWsjIJGOt
ttpwBWaxSK6rSVM2HmyEEzTBgoTI0bmBEspdRPvEp+oeClnflbWJRBoRc+6HLkqe
L9oLptdEtVmFXruc32mAe5Ai8r3S9aDU4Qo7yFHHevfBj9SVcsNDuouUv0DK59Oi
rcSaIkiPn7Fw7qyraFFie5418ZNvM+y6PXhY4Hj0bs68FdEL0pGzxJFwjMxDrMjR
6POCfgrHGh0VTmlHgMVuY6v4QJsPwBuH8QWi88OKHuq2jdBlH6K/FsLSyUey+iCg
CzFcqRXaggdoi+F7CYb7MnVIakCFkzU6YSY7Gs7BUQKBgQD5Gi6Ni1r4t3euywd9
h+L5UcPE59ALJ4lTd5B2aBKj3lm7hancYbxbgVG8IVX4I7AsEXxNuRlrzQsZPyuR
YgSKQw5fGgh9Y8eFzr8kPoEOI+ng4Y6IHX6ewan33Crv2owVnUAyOKpkWWy3ecAZ
HB+3vQ97k6hCBi9QXKU+QQF9owKBgQDj5YofF1B4HqXIgNfz+udaRyR7f9ASiiVg
Im79psIKHe3F5sp6n+RQTddQPOZqdlQa9MOI2Xhk8yOc6/25zickCkBRyPGFC+gi
W0qm0EbT7bdMedDFI8kULNSdpSQSm9XjRdx/+QUMUx5xmTa6VTdoc/d/4MSVnJcF
Ubsxi73IkQKBgHTuoWO4Qt/136yhicaXfyhiBW/tEW/rAz+3JI0wlW9u9NheCjp1
dqHNtryFOYHd3tkQ7DTf6tr7yXX0fVMlm9P7XkeuRMX3jLV3M6qj3JjyqtrxhqLG
laWYa1z6cP1erduHkZcBmpq4j5wg/tfKp+jsStRLn/Q+Sv+CPd9XTIfZAoGAXBSy
6j0RVneLpKfqmboXIHL+WqgZ+mO3FlDTZ8mpPU06dWv7A/D23zuUc+cncny9Hucm
2nSEIMXc7dqsehbB2d4KfwEiFQ/qi3c3go9FDvxNw6i0ofMDnBNBFTFUkfBFS78+
iLalQ4WSF3RAmKk16g5xQkofJBRRMOUFLc+4rwECgYAnX0ikEKTKAlwy7oKiYYW3
oBr2T7YnOHJsJku6SRz5MntEa7+VQFO/Q+tRdOWfRjLQQBK7vMGYe8AgF7AZlFAK
95zhG38bgKvwGZD0El3lWCLFr7CFKZY2nQJtFiNIw2zsp9wqMFGioPBZaiEkEJnv
a4yihmRd3FUeGK3APjJ+6g==
-----END PRIVATE KEY-----
`
const asapTestEcKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzIT6dabFJ7RDWHaM
giRg2a81IozqDYwclZV7FfbyP8ChRANCAAQU4bC1Jk4XbBC5MoCUkkILXsOMG7Pw
BdzEi2egvKZH8oJ4+vI5ejQGpQQ+SWDxSzfl2TgRoe3h1BhNYzdlfwQt
-----END PRIVATE KEY-----
`
const asapTestRsa1024Key = `-----BEGIN PRIVATE KEY-----
MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBAOZvTjk+N4bGPil2
aeV94GH8iP3GFny+wYjgbquXYXExo4H1cxDrBUB186bMcw1XLnooeeZGuI/ScUG3
afG66HyuWEZsfiOuSQdObRJ1NPZe2xcsurRVjfCup3MX76w8WlJXXDeUVCGyEXB2
Wn9TDoC2TA9fKPvVo4d3bGll8UADAgMBAAECgYBvwXuGd44mZu6u3SbujeXMn9Uw
fmlZhooGABKsVXaElzZdSNTNV63sXUgVlQIXbji0Nf0omRPZbI5Q+MsA2Uz2f19p
QlqTjJtKos7VUrY7HkD63O1r3Kqklrru8Rlmtf++wmW8rjTTM1coLChrPK563OF+
KoNfogseUBO9eD0PwQJBAPStnv5o5ql0VwJCQVYGLuoVcj7WZjfB25VPWAduTMCX
5yD0NVncv5pL24DJAcW0Kj53zjtv0RB67qymT/OytwUCQQDxGPYnwOjwF5QGoU/J
1527CZ02w/PThAi3aCs0hZASfDX41a80VTio7LrifaY75K7pAZeUNtzCn5r1Bs/U
W7lnAkEAjdZD78kRxbOqaKXNyDdnZM0v4BtbQAFB8GkBZ7VaCt9D3ceTUdd0vtYw
lZRwUZJiVroOtEfaksogp7b1bBjynQJBAMTZUZnxqv7k8WpcaO3vCwy8c81UPo8z
XX6KIcSXTKObIOITbiK3djSOXKQyXPjH5Xu/XgiYprSNZhKrRiMn5P8CQQDUavxx
bru56vBDpp8XDKO0U4hFPZMuBO608gBL61FUROy7+HqfIceGbjPcgad/3kOJBSlE
zxqi4DXvq7hNVrLr
-----END PRIVATE KEY-----
`
const asapTestPkcs1Key = `-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEA3cGSGYUi6m1xSpKi+wcHqgPIbRsV5lggFFU2+/08ZsPM9EJx
X0RE4OxzuBm1yOGcz5K510FP/rsIZu6go5H+d9adnGA2sYVUVgJXX5eSnOu3Vyl1
vGzW+mKfpBZZmu/Sivsg7S5toIPUURtoo0V55NzJ8I0ftLjMX23UZHbRAUyUFk0M
tMabsJn5mkc1M4FwATzbgv3zCoW2m+NvCGVFUAzxNkL3YcfHeBfAmK62gmoGZsRI
v8YDEcPYw0P6E/FizyQjaPgfiKsTU/Rl9ihKeRtVnaUY7CMTIH/+n3fRE5FHTwxh
Yv+iqQUOvBW2DqSdqaCUgN6CPCwpdiWQPlaBUwIDAQABAoIBAFs4CY+63up824n3
+Nf3A9WRWcxbxG3s2UFT7lrIyCRjrbbacAVmsUiuq0lTNh5shBM0wYKEyNG5gRLK
XUT7xKfqHgpZ35W1iUQaEXPuhy5Kni/aC6bXRLVZhV67nN9pgHuQIvK90vWg1OEK
O8hRx3r3wY/UlXLDQ7qLlL9AyufToq3EmiJIj5+xcO6sq2hRYnueNfGTbzPsuj14
WOB49G7OvBXRC9KRs8SRcIzMQ6zI0ejzgn4KxxodFU5pR4DFbmOr+ECbD8Abh/EF
ovPDih7qto3QZR+ivxbC0slHsvogoAsxXKkV2oIHaIvhewmG+zJ1SGpAhZM1OmEm
OxrOwVECgYEA+RoujYta+Ld3rssHfYfi+VHDxOfQCyeJU3eQdmgSo95Zu4Wp3GG8
W4FRvCFV+COwLBF8TbkZa80LGT8rkWIEikMOXxoIfWPHhc6/JD6BDiPp4OGOiB1+
nsGp99wq79qMFZ1AMjiqZFlst3nAGRwft70Pe5OoQgYvUFylPkEBfaMCgYEA4+WK
HxdQeB6lyIDX8/rnWkcke3/QEoolYCJu/abCCh3txebKep/kUE3XUDzmanZUGvTD
iNl4ZPMjnOv9uc4nJApAUcjxhQvoIltKptBG0+23THnQxSPJFCzUnaUkEpvV40Xc
f/kFDFMecZk2ulU3aHP3f+DElZyXBVG7MYu9yJECgYB07qFjuELf9d+soYnGl38o
YgVv7RFv6wM/tySNMJVvbvTYXgo6dXahzba8hTmB3d7ZEOw03+ra+8l19H1TJZvT
+15HrkTF94y1dzOqo9yY8qra8YaixpWlmGtc+nD9Xq3bh5GXAZqauI+cIP7Xyqfo
7ErUS5/0Pkr/gj3fV0yH2QKBgFwUsuo9EVZ3i6Sn6pm6FyBy/lqoGfpjtxZQ02fJ
qT1NOnVr+wPw9t87lHPnJ3J8vR7nJtp0hCDF3O3arHoWwdneCn8BIhUP6ot3N4KP
RQ78TcOotKHzA5wTQRUxVJHwRUu/Poi2pUOFkhd0QJipNeoOcUJKHyQUUTDlBS3P
uK8BAoGAJ19IpBCkygJcMu6ComGFt6Aa9k+2JzhybCZLukkc+TJ7RGu/lUBTv0Pr
UXTln0Yy0EASu7zBmHvAIBewGZRQCvec4Rt/G4Cr8BmQ9BJd5Vgixa+whSmWNp0C
bRYjSMNs7KfcKjBRoqDwWWohJBCZ72uMooZkXdxVHhitwD4yfuo=
-----END RSA PRIVATE KEY-----
`
const asapTestPkcs1DER = "MIIEogIBAAKCAQEA3cGSGYUi6m1xSpKi+wcHqgPIbRsV5lggFFU2+/08ZsPM9EJxX0RE4OxzuBm1yOGcz5K510FP/rsIZu6go5H+d9adnGA2sYVUVgJXX5eSnOu3Vyl1vGzW+mKfpBZZmu/Sivsg7S5toIPUURtoo0V55NzJ8I0ftLjMX23UZHbRAUyUFk0MtMabsJn5mkc1M4FwATzbgv3zCoW2m+NvCGVFUAzxNkL3YcfHeBfAmK62gmoGZsRIv8YDEcPYw0P6E/FizyQjaPgfiKsTU/Rl9ihKeRtVnaUY7CMTIH/+n3fRE5FHTwxhYv+iqQUOvBW2DqSdqaCUgN6CPCwpdiWQPlaBUwIDAQABAoIBAFs4CY+63up824n3+Nf3A9WRWcxbxG3s2UFT7lrIyCRjrbbacAVmsUiuq0lTNh5shBM0wYKEyNG5gRLKXUT7xKfqHgpZ35W1iUQaEXPuhy5Kni/aC6bXRLVZhV67nN9pgHuQIvK90vWg1OEKO8hRx3r3wY/UlXLDQ7qLlL9AyufToq3EmiJIj5+xcO6sq2hRYnueNfGTbzPsuj14WOB49G7OvBXRC9KRs8SRcIzMQ6zI0ejzgn4KxxodFU5pR4DFbmOr+ECbD8Abh/EFovPDih7qto3QZR+ivxbC0slHsvogoAsxXKkV2oIHaIvhewmG+zJ1SGpAhZM1OmEmOxrOwVECgYEA+RoujYta+Ld3rssHfYfi+VHDxOfQCyeJU3eQdmgSo95Zu4Wp3GG8W4FRvCFV+COwLBF8TbkZa80LGT8rkWIEikMOXxoIfWPHhc6/JD6BDiPp4OGOiB1+nsGp99wq79qMFZ1AMjiqZFlst3nAGRwft70Pe5OoQgYvUFylPkEBfaMCgYEA4+WKHxdQeB6lyIDX8/rnWkcke3/QEoolYCJu/abCCh3txebKep/kUE3XUDzmanZUGvTDiNl4ZPMjnOv9uc4nJApAUcjxhQvoIltKptBG0+23THnQxSPJFCzUnaUkEpvV40Xcf/kFDFMecZk2ulU3aHP3f+DElZyXBVG7MYu9yJECgYB07qFjuELf9d+soYnGl38oYgVv7RFv6wM/tySNMJVvbvTYXgo6dXahzba8hTmB3d7ZEOw03+ra+8l19H1TJZvT+15HrkTF94y1dzOqo9yY8qra8YaixpWlmGtc+nD9Xq3bh5GXAZqauI+cIP7Xyqfo7ErUS5/0Pkr/gj3fV0yH2QKBgFwUsuo9EVZ3i6Sn6pm6FyBy/lqoGfpjtxZQ02fJqT1NOnVr+wPw9t87lHPnJ3J8vR7nJtp0hCDF3O3arHoWwdneCn8BIhUP6ot3N4KPRQ78TcOotKHzA5wTQRUxVJHwRUu/Poi2pUOFkhd0QJipNeoOcUJKHyQUUTDlBS3PuK8BAoGAJ19IpBCkygJcMu6ComGFt6Aa9k+2JzhybCZLukkc+TJ7RGu/lUBTv0PrUXTln0Yy0EASu7zBmHvAIBewGZRQCvec4Rt/G4Cr8BmQ9BJd5Vgixa+whSmWNp0CbRYjSMNs7KfcKjBRoqDwWWohJBCZ72uMooZkXdxVHhitwD4yfuo="

// asapVectors are what Newman 6.2.2 sent for each request (collection
// base http://127.0.0.1:33059, the keys above as variables): the
// Authorization header, and the reason in Newman's warning when it could
// not sign ("mine" is the request's own header, left in place).
var asapVectors = []struct{ name, request, authorization, warning string }{
	{"asap rs256 claims object", `{"method": "GET", "url": "{{base}}/asap/a", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "alg", "value": "RS256"}, {"key": "sub", "value": "me"}, {"key": "claims", "value": {"aud": "x", "exp": 1700003600, "iat": 1700000000, "jti": "j1"}}]}}`, "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJhdWQiOiJ4IiwiZXhwIjoxNzAwMDAzNjAwLCJpYXQiOjE3MDAwMDAwMDAsImp0aSI6ImoxIiwiaXNzIjoic3ZjLWEiLCJzdWIiOiJtZSJ9.XCPW3POEavosFu_XmjHJWr2HP7Be1V9S079XnehnC1Y3qxmcQouhsBy72PAoy0dODR1OBp2JVHPcKN0QVPIIVBSYc74jvXFrVkOd4ACycTUCFu87aBeJjh-HYWsFaMDeajP4Tdsj7EBOkyAUVKx6GhHsFkgVkFGjNSaHDaI-LL4o4UP7t4Q9GtssZ9Lz35lQnUOO-6H4JnwNODi-4pNAlHt_UedXqV_Nbo4eqSMfMxW5bNDBRh8eDN5oVwmXzJHEhE9MxZ0rsMNf6raafxcZ7INAMtMAvRKlEaV8VHJsOKOU2RD1Pp2_dnzMiw5idvcpkpyB9a4l_QGR_ShGeS1RKw", ""},
	{"asap default alg claims string", `{"method": "GET", "url": "{{base}}/asap/b", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "claims", "value": "{\"x\": [1, 2.5, \"\\u00e9\"], \"jti\": \"j2\", \"iat\": 1700000000, \"exp\": 1700000060, \"kid\": \"key-1\", \"aud\": [\"b1\", \"b2\"]}"}]}}`, "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJ4IjpbMSwyLjUsIsOpIl0sImp0aSI6ImoyIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDAwNjAsImtpZCI6ImtleS0xIiwiYXVkIjpbImIxIiwiYjIiXSwiaXNzIjoic3ZjLWEiLCJzdWIiOiJzdmMtYSJ9.us2Ml8jZGXIQu5s9O4kfGl4rKF5eVJKwuFCV_v8Bb_ro9fuj5rk6guME6MIztswOACEUg_JupMoY4mO0DLK1ku2RN6P4bhVhRSqJZ-HuKQqvdnEUtAXNkYDthvBJO4bD7lLdKJ-YffVoJIYraLFUAvq9b7oXb_0lVPSVKW_66bQ4UNtS73gwXFEW03zHTDnotCm6iSMJbTuhWRBS9oOSjglugDaiQFmZlBJEGDkpc5ZeWYExgOz-qXC52p5zfe1t2rdTh8woZ1TTRSZ_PKKXDtqsTGqQZTQfG0IMgImOtKsELo1g_9YsNNxvx9SkQHdquc4HiSM2LbUEoT9y-yjHEQ", ""},
	{"asap claims win", `{"method": "GET", "url": "{{base}}/asap/c", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "param-iss"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "alg", "value": "RS384"}, {"key": "claims", "value": "{\"iss\": \"claim-iss\", \"jti\": \"j3\", \"iat\": 1700000000, \"exp\": \"1700000099\"}"}]}}`, "Bearer eyJhbGciOiJSUzM4NCIsImtpZCI6ImtleS0xIn0.eyJpc3MiOiJjbGFpbS1pc3MiLCJqdGkiOiJqMyIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAwMDk5LCJzdWIiOiJjbGFpbS1pc3MiLCJhdWQiOiJzdmMtYiJ9.scUi91F21BdkGcFokDw9YrsFOTEUBsQKmgG-zo2_Jk4yT7CWc-QIjo7O3y2U40So63B74SrmWBX279vVqoF3pxLYMj-SS2DvQqiUUcqo5lsbwWsfx526SZV0U1MYs-cMO4VivQucsMliGQS9fnBTOkjU13I7n1Wue-2b8quyJhPK8esFMjwkYyQ998s_UjMQR_sFB080N7WeqnlGdpYfsdTrWrE7wEJjhCbCfzihaq3jWlB-M0UtpzrwRG0fWUAolRfh-f87UxccvzuoxGUkH1ns5j5TT2eU1pQyr0CkYD-Qj5aJP5OqljcTaUVGlYVfk1TAfHQrVsiaRFogvs4O1Q", ""},
	{"asap pkcs1 key", `{"method": "GET", "url": "{{base}}/asap/d", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{pkcs1Key}}"}, {"key": "alg", "value": "RS512"}, {"key": "claims", "value": "{\"jti\": \"j1\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "mine", "Failed to sign request with key."},
	{"asap missing aud", `{"method": "GET", "url": "{{base}}/asap/e", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": ""}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "claims", "value": "{\"jti\": \"j1\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "mine", "One or more of required claims missing"},
	{"asap bad alg", `{"method": "GET", "url": "{{base}}/asap/f", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "alg", "value": "HS256"}, {"key": "claims", "value": "{\"jti\": \"j1\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "mine", "invalid algorithm"},
	{"asap data uri", `{"method": "GET", "url": "{{base}}/asap/g", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key/1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "data:application/pkcs8;kid=key%2F1;base64,{{pkcs1DER}}"}, {"key": "alg", "value": "PS256"}, {"key": "claims", "value": "{\"jti\": \"j7\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "Bearer eyJhbGciOiJQUzI1NiIsImtpZCI6ImtleS8xIn0.eyJqdGkiOiJqNyIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwLCJpc3MiOiJzdmMtYSIsInN1YiI6InN2Yy1hIiwiYXVkIjoic3ZjLWIifQ.mKgmdhoTRbyxyi89Dl_XjqvxZnM-CixZVcwfYiCwhuqFiRqTKifdF_AHOJmVFA9TFRbYxMdlv6cj34nC-IJVmkrC-lL9UFrQejU5_LgEmZhe-qiNNsSJDghgXViiLgnLUUmAjAoxhFUY0iFdFkIVYReVY-EKO0Q8eJOQDD-gXd3o8YvZwFJ9QK2Tu29LPSMwvkURVYS4SwutJ1S5mc1IkoxKchAaNvC7mV16DtllF9PM2ihPgKVPA5di3tt_u-Ysodq4VjVodSd5ZzMKI4aSFkUiQvHtsDxYCOunzugh_cuDSHJ6fd4JUJYtw5XZLzFWHnLhiGFTQJkf4lOwU6D6bg", ""},
	{"asap data uri kid mismatch", `{"method": "GET", "url": "{{base}}/asap/h", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "data:application/pkcs8;kid=other;base64,{{pkcs1DER}}"}, {"key": "claims", "value": "{\"jti\": \"j1\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "mine", "Failed to parse private key."},
	{"asap quoted key", `{"method": "GET", "url": "{{base}}/asap/i", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "\"{{rsaKey}}\""}, {"key": "claims", "value": "{\"jti\": \"j9\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJqdGkiOiJqOSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwLCJpc3MiOiJzdmMtYSIsInN1YiI6InN2Yy1hIiwiYXVkIjoic3ZjLWIifQ.LWlPNrz3MGzr4bjrkvSLaqBRnm0Z8C0_QW_FVz1-VGpOwP0-kUpq0tCtAGSejWmsXc39LUm49Jv4uYXZqDyLAi6aCYTwr0mWAWFuqkUORYEVUy8hy-frfduX3GcG9t5haKCiBydmOs904v5KJmetkmOS16J7tuFUlrolUXlemgm_BnrhXhfZst2eFlGz8BVQpSL8eEoqbvbo2dns8aNdqaW5qRa8AbCB_09BWXZOf-dkmRPQY0_TEqMuA3IgSr3NevV7on-fEyp-vP4fq6mA6z3Spjn7VTF1IB-YRyEOU632hzb-XNNyII_CDCRI5D1o0f9dOv29Szaf7FjOMR1jrQ", ""},
	{"asap ec256", `{"method": "GET", "url": "{{base}}/asap/j", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{ecKey}}"}, {"key": "alg", "value": "ES256"}, {"key": "claims", "value": "{\"jti\": \"j1\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "Bearer eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleS0xIn0.eyJqdGkiOiJqMSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwLCJpc3MiOiJzdmMtYSIsInN1YiI6InN2Yy1hIiwiYXVkIjoic3ZjLWIifQ.kKVqAqvEzoFzqTmlnDdx9QSNnijAdlv-M3SsF7VJ8ZRZ0Kxu-mmxMwdgq4vMQLCVST7Gbct9CheMg-GiQfoPrw", ""},
	{"asap ec key rs alg", `{"method": "GET", "url": "{{base}}/asap/k", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{ecKey}}"}, {"key": "alg", "value": "RS256"}, {"key": "claims", "value": "{\"jti\": \"j1\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "mine", "Failed to sign request with key."},
	{"asap rsa1024", `{"method": "GET", "url": "{{base}}/asap/l", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsa1024Key}}"}, {"key": "claims", "value": "{\"jti\": \"j1\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "mine", "Failed to sign request with key."},
	{"asap empty claims", `{"method": "GET", "url": "{{base}}/asap/m", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "claims", "value": ""}]}}`, "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJpYXQiOjE3OTU3NDU1NjMsImlzcyI6InN2Yy1hIiwic3ViIjoic3ZjLWEiLCJqdGkiOiJjM2RiOTQ4Mi1hODk4LTQ5OGYtYjMxOC0xOTUzZWIyZDkxZDEiLCJhdWQiOiJzdmMtYiIsImV4cCI6MTc5NTc0OTE2M30.DASeiXi6VnuIhJJN2UEIVTGtpEKqK77A5Nm6c0qJhPcoGjOErns56AhGtY6k5uOsDLpAjj7YT5_fPwOzKx4DB1K8kiANfwtUVVeC7n3aJo3F712nu6vXQM1fcmIiGYPSWCanwZ7OMR4jrSsLAq_W6UPvbLgBwtU0WizwyV-htjrTKxX3b1TVb_5SDNDccnorzOhmL9V3yfukkPNC__-2vCGWoaHWw1sgy2qPZshmk4CRo5f23RddVJmd2mhG89-1u732r0VcPlPbB8aKko8OF6Q4mCNBVoXYN0s9PrtYq5Yysmofdhqvz1o7zIDDRR_5CGS549hr0e0MzGKQCGS7Yg", ""},
	{"asap bad claims", `{"method": "GET", "url": "{{base}}/asap/n", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "claims", "value": "{nope"}]}}`, "mine", "Failed to parse claims"},
	{"asap claims array", `{"method": "GET", "url": "{{base}}/asap/o", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "claims", "value": "[1]"}]}}`, "mine", "Failed to sign request with key."},
	{"asap exp param", `{"method": "GET", "url": "{{base}}/asap/p", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "exp", "value": "120"}, {"key": "claims", "value": "{\"jti\": \"jp\", \"iat\": 5}"}]}}`, "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJqdGkiOiJqcCIsImlhdCI6NSwiaXNzIjoic3ZjLWEiLCJzdWIiOiJzdmMtYSIsImF1ZCI6InN2Yy1iIiwiZXhwIjoxNzk1NzQ1NjgzfQ.AnjSmBTmm_rW2Awyp1o89FbNtn4C9wrmRAKIlakxzkxahnpzkOzKwSwq2bK2j-mDWxYS4-Y6wSVrfwyzXk2L3iHQlAwrnj_nhbzurnBomJEb3cHZE1GXQthGay9kHhYjENoBnjY1diiiPitQRhUUd9QKJzevU8thdjRCc3gYGvwg2QPVulxgyiOwngGx6jnfHuBEyE68meGB7LBIPHJbcAKOS0028ox3Y2clo4impe7Os8-6PHOBFbJOvbUQt1JbyQ_oPxfzsvHFgTysMo4P4BqrlQJYrCbp81HnPa-cFR2p1vf-xkXLEN4_bdHOe1UJUJzv1oGknZtKJRTB-7PDRA", ""},
	{"asap no auth header", `{"method": "GET", "url": "{{base}}/asap/q", "header": [{"key": "Authorization", "value": "mine"}], "auth": {"type": "asap", "asap": [{"key": "kid", "value": "key-1"}, {"key": "iss", "value": "svc-a"}, {"key": "aud", "value": "svc-b"}, {"key": "privateKey", "value": "{{rsaKey}}"}, {"key": "claims", "value": "{\"jti\": \"jq\", \"iat\": 1700000000, \"exp\": 1700003600}"}]}}`, "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJqdGkiOiJqcSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwLCJpc3MiOiJzdmMtYSIsInN1YiI6InN2Yy1hIiwiYXVkIjoic3ZjLWIifQ.1NArb5U7v2bPrOXXaEpbSCfIX-Jl6kiqXtrFLiCzTtPZ0OvvxEISDdkWdkDkVYdVhMRNX2YF7KSUMzq8YlNCIRO5dykLNP8M2bB4RASMbKALHg141CJrAXLaLLZ-rB5eNZ40TVmiPZ_vDY7f08k2esS7NYbiLzaiWsa448A-wpkOq8Ctabtr1TYg0rNujRUi2UE5P-1dmobTfNGNilsVKwV250d_A0QOSs0kpfl-IWAoDJmltPzm-gXXgs5_FKr08VXBAAzQYfC7-xn8-OJZ2Tec8-WGBbWg6T-5AdLlhsx4A61YjiwY_5ogYAljAImm--YNDAUfBf6-Eiu8MRveZA", ""},
}

// asapVaries lists the claims that Newman and colrun fill from the clock
// or a random UUID in a vector, which the test checks by their shape.
var asapVaries = map[string][]string{
	"asap empty claims": {"iat", "jti", "exp"},
	"asap exp param":    {"exp"},
}

// TestASAPMatchesNewman builds each request Newman signed and compares
// the token colrun makes with Newman's: the same header, the same claims
// in the same order, a signature the key's public half verifies and, for
// the deterministic RSASSA-PKCS1 algorithms, the very same signature.
// Where Newman could not sign, colrun sends the request's own header too
// and warns with Newman's reason.
func TestASAPMatchesNewman(t *testing.T) {
	t.Parallel()
	for _, v := range asapVectors {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			name, _ := json.Marshal(v.name)
			vars, _ := json.Marshal([]map[string]string{
				{"key": "base", "value": "http://127.0.0.1:33059"}, {"key": "rsaKey", "value": asapTestRsaKey},
				{"key": "ecKey", "value": asapTestEcKey}, {"key": "rsa1024Key", "value": asapTestRsa1024Key},
				{"key": "pkcs1Key", "value": asapTestPkcs1Key}, {"key": "pkcs1DER", "value": asapTestPkcs1DER},
			})
			doc := fmt.Sprintf(`{"info":{"name":"asap"},"variable":%s,"item":[{"name":%s,"request":%s}]}`, vars, name, v.request)
			before := time.Now().Unix()
			_, o := buildItem(t, doc)
			after := time.Now().Unix()
			got, _ := o.header("Authorization")
			if v.warning != "" {
				want := "asap auth: the request was sent unsigned, as Newman does, which says: " + v.warning
				if got != v.authorization || len(o.Warnings) != 1 || !strings.HasPrefix(o.Warnings[0], want) {
					t.Errorf("Authorization %q, warnings %q; want %q and %q", got, o.Warnings, v.authorization, want)
				}
				return
			}
			if len(o.Warnings) > 0 {
				t.Errorf("warnings %q", o.Warnings)
			}
			gotParts, wantParts := strings.Split(strings.TrimPrefix(got, "Bearer "), "."), strings.Split(strings.TrimPrefix(v.authorization, "Bearer "), ".")
			if !strings.HasPrefix(got, "Bearer ") || len(gotParts) != 3 {
				t.Fatalf("Authorization = %q, want a Bearer JWT", got)
			}
			if gotParts[0] != wantParts[0] {
				t.Errorf("JWT header %s, Newman's %s", decodeSegment(t, gotParts[0]), decodeSegment(t, wantParts[0]))
			}
			gotClaims, wantClaims := orderedClaims(t, gotParts[1]), orderedClaims(t, wantParts[1])
			for _, k := range asapVaries[v.name] {
				checkVaryingClaim(t, k, gotClaims, before, after)
			}
			for _, k := range asapVaries[v.name] {
				gotClaims[k], wantClaims[k] = "varies", "varies"
			}
			if diff := cmp.Diff(wantClaims, gotClaims); diff != "" {
				t.Errorf("claims differ from Newman's (-newman +colrun):\n%s", diff)
			}
			if strings.HasPrefix(wantParts[0], "eyJhbGciOiJSUz") && asapVaries[v.name] == nil && gotParts[2] != wantParts[2] {
				t.Errorf("signature differs from Newman's")
			}
			verifyASAP(t, strings.TrimPrefix(got, "Bearer "))
		})
	}
}

func decodeSegment(t *testing.T, seg string) string {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		t.Fatalf("segment %q: %v", seg, err)
	}
	return string(b)
}

// orderedClaims maps each claim to its JSON text, with "#keys" holding
// the claims' order.
func orderedClaims(t *testing.T, seg string) map[string]string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(decodeSegment(t, seg)))
	out := map[string]string{}
	var keys []string
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, _ := dec.Token()
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		out[k.(string)] = string(v)
	}
	out["#keys"] = strings.Join(keys, ",")
	return out
}

var uuidV4 = regexp.MustCompile(`^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$`)

// checkVaryingClaim checks a claim made from the clock or at random: iat
// is the time of signing, exp an hour after iat or 120 seconds (the
// auth's exp) after the time of signing, jti a UUID.
func checkVaryingClaim(t *testing.T, k string, claims map[string]string, before, after int64) {
	t.Helper()
	num := func(k string) int64 {
		var n int64
		if err := json.Unmarshal([]byte(claims[k]), &n); err != nil {
			t.Fatalf("%s = %s: %v", k, claims[k], err)
		}
		return n
	}
	switch k {
	case "jti":
		if !uuidV4.MatchString(claims[k]) {
			t.Errorf("jti = %s, want a UUID", claims[k])
		}
	case "iat":
		if n := num(k); n < before || n > after {
			t.Errorf("iat = %d, want the time of signing", n)
		}
	case "exp":
		if iat := num("iat"); iat > 5 {
			if num(k) != iat+3600 {
				t.Errorf("exp = %d, want an hour after iat %d", num(k), iat)
			}
		} else if n := num(k); n < before+120 || n > after+120 {
			t.Errorf("exp = %d, want 120 s after signing", n)
		}
	}
}

// verifyASAP checks the token's signature with the public half of the
// key it names.
func verifyASAP(t *testing.T, token string) {
	t.Helper()
	_, err := jwt.Parse(token, func(tok *jwt.Token) (any, error) {
		pem := asapTestRsaKey
		if strings.HasPrefix(tok.Method.Alg(), "ES") {
			pem = asapTestEcKey
		}
		var key crypto.Signer
		var err error
		if strings.HasPrefix(tok.Method.Alg(), "ES") {
			key, err = jwt.ParseECPrivateKeyFromPEM([]byte(pem))
		} else {
			key, err = jwt.ParseRSAPrivateKeyFromPEM([]byte(pem))
		}
		if err != nil {
			return nil, err
		}
		return key.Public(), nil
	}, jwt.WithoutClaimsValidation())
	if err != nil {
		t.Errorf("token does not verify: %v", err)
	}
}

// TestASAPKeyStaysOutOfReports: the private key appears in no event,
// signed or not, and an unsigned request's warning reaches the reports.
func TestASAPKeyStaysOutOfReports(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	auth := func(aud string) string {
		return fmt.Sprintf(`{"type":"asap","asap":[{"key":"kid","value":"k"},{"key":"iss","value":"i"},{"key":"aud","value":%q},{"key":"privateKey","value":"{{key}}"}]}`, aud)
	}
	key, _ := json.Marshal(asapTestRsaKey)
	doc := fmt.Sprintf(`{"info":{"name":"a"},"variable":[{"key":"key","value":%s}],"item":[
		{"name":"signed","request":{"url":%q,"auth":%s}},
		{"name":"unsigned","request":{"url":%q,"auth":%s}}]}`, key, rec.srv.URL+"/a", auth("b"), rec.srv.URL+"/b", auth(""))
	ev, _ := run(t, parse(t, doc), Options{})
	var got []string
	for _, r := range rec.all() {
		got = append(got, r.URI+" "+strings.SplitN(r.Header.Get("Authorization"), ".", 2)[0])
	}
	if diff := cmp.Diff([]string{"/a Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ", "/b "}, got); diff != "" {
		t.Errorf("server saw (-want +got):\n%s", diff)
	}
	var warnings []string
	for _, e := range ev.all {
		if e.Warning != nil {
			warnings = append(warnings, e.Warning.Message)
		}
	}
	want := []string{"asap auth: the request was sent unsigned, as Newman does, which says: One or more of required claims missing (kid, iss, aud and privateKey are required)"}
	if diff := cmp.Diff(want, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	keyLine := strings.Split(asapTestRsaKey, "\n")[1]
	if ev.mentions(t, keyLine) {
		t.Error("the private key appears in the run's events")
	}
}
