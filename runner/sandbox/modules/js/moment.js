// Our compact moment (2.30 behaviour, English locale): parsing ISO 8601,
// RFC 2822, Date/number/array/object input and format strings; format
// tokens; get/set; add/subtract; startOf/endOf; diff; comparisons; UTC and
// fixed offsets; durations with humanize; fromNow. Time zones beyond the
// process's local zone and fixed offsets need moment-timezone (install
// moment and moment-timezone; require() then loads the real ones).
var MONTHS = 'January_February_March_April_May_June_July_August_September_October_November_December'.split('_');
var MONTHS_SHORT = 'Jan_Feb_Mar_Apr_May_Jun_Jul_Aug_Sep_Oct_Nov_Dec'.split('_');
var DAYS = 'Sunday_Monday_Tuesday_Wednesday_Thursday_Friday_Saturday'.split('_');
var DAYS_SHORT = 'Sun_Mon_Tue_Wed_Thu_Fri_Sat'.split('_');
var DAYS_MIN = 'Su_Mo_Tu_We_Th_Fr_Sa'.split('_');
var UNITS = {
  y: 'year', year: 'year', years: 'year', Y: 'year', M: 'month', month: 'month', months: 'month',
  Q: 'quarter', quarter: 'quarter', quarters: 'quarter', w: 'week', week: 'week', weeks: 'week',
  W: 'isoWeek', isoWeek: 'isoWeek', isoWeeks: 'isoWeek', isoweek: 'isoWeek', d: 'day', day: 'day', days: 'day', D: 'date', date: 'date', dates: 'date',
  h: 'hour', hour: 'hour', hours: 'hour', m: 'minute', minute: 'minute', minutes: 'minute',
  s: 'second', second: 'second', seconds: 'second', ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
  E: 'isoWeekday', isoWeekday: 'isoWeekday', isoWeekdays: 'isoWeekday', e: 'weekday', weekday: 'weekday', weekdays: 'weekday',
  DDD: 'dayOfYear', dayOfYear: 'dayOfYear', dayOfYears: 'dayOfYear'
};
function normUnit(u) { return u == null ? undefined : (UNITS[u] || UNITS[String(u).toLowerCase()] || undefined); }
function pad(n, w) { var s = String(Math.abs(n)); while (s.length < w) s = '0' + s; return (n < 0 ? '-' : '') + s; }
function absFloor(n) { return n < 0 ? Math.ceil(n) || 0 : Math.floor(n); }
function toInt(v) { var n = +v; return n !== 0 && isFinite(n) ? absFloor(n) : 0; }
function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
function daysInMonth(y, m) { var mm = ((m % 12) + 12) % 12; y += (m - mm) / 12; return mm === 1 ? (isLeap(y) ? 29 : 28) : 31 - (mm % 7 % 2); }
function offsetStr(mins, sep) {
  var sign = mins < 0 ? '-' : '+';
  mins = Math.abs(mins);
  return sign + pad(Math.floor(mins / 60), 2) + sep + pad(mins % 60, 2);
}
function ordinal(n) {
  var b = n % 10, t = n % 100;
  return n + ((t >= 11 && t <= 13) ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th');
}

// A moment keeps an instant (_d) plus how to view it: local, UTC, or a
// fixed offset in minutes.
function Moment(d, mode, offset) {
  this._d = d;
  this._isUTC = mode !== 'local';
  this._offset = mode === 'local' ? undefined : (mode === 'utc' ? 0 : offset);
  this._isAMomentObject = true;
  this._pf = {};
}
var proto = Moment.prototype;
proto._fields = function () {
  var d = this._d;
  if (!this._isUTC) {
    return { y: d.getFullYear(), M: d.getMonth(), D: d.getDate(), h: d.getHours(), m: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds(), wd: d.getDay() };
  }
  var u = new Date(d.getTime() + (this._offset || 0) * 60000);
  return { y: u.getUTCFullYear(), M: u.getUTCMonth(), D: u.getUTCDate(), h: u.getUTCHours(), m: u.getUTCMinutes(), s: u.getUTCSeconds(), ms: u.getUTCMilliseconds(), wd: u.getUTCDay() };
};
proto._setFields = function (f) {
  var y = f.y, M = f.M, D = f.D, t;
  if (!this._isUTC) {
    var d = new Date(y, M, D, f.h, f.m, f.s, f.ms);
    if (y < 100 && y >= 0) d.setFullYear(y);
    this._d = d;
  } else {
    t = Date.UTC(y, M, D, f.h, f.m, f.s, f.ms);
    if (y < 100 && y >= 0) { var dd = new Date(t); dd.setUTCFullYear(y); t = dd.getTime(); }
    this._d = new Date(t - (this._offset || 0) * 60000);
  }
  return this;
};
proto.isValid = function () { return !isNaN(this._d.getTime()) && this._pf.invalid !== true; };
proto.utcOffset = function (input, keepLocal) {
  if (input === undefined) {
    if (!this._isUTC) return -Math.round(this._d.getTimezoneOffset());
    return this._offset || 0;
  }
  var off = typeof input === 'string' ? parseOffset(input) : (Math.abs(input) < 16 ? input * 60 : input);
  if (off === null) return this;
  var f = keepLocal ? this._fields() : null;
  this._isUTC = true;
  this._offset = off;
  if (f) this._setFields(f);
  return this;
};
proto.utc = function (keepLocal) { return this.utcOffset(0, keepLocal); };
proto.local = function (keepLocal) {
  var f = keepLocal ? this._fields() : null;
  this._isUTC = false;
  this._offset = undefined;
  if (f) this._setFields(f);
  return this;
};
proto.isUTC = proto.isUtc = function () { return this._isUTC && (this._offset || 0) === 0; };
proto.isLocal = function () { return !this._isUTC; };
// moment's own test: summer time is an offset above January's or June's.
proto.isDST = function () { return this.utcOffset() > this.clone().month(0).utcOffset() || this.utcOffset() > this.clone().month(5).utcOffset(); };
proto.isUtcOffset = function () { return this._isUTC; };
proto.parseZone = function () { return this; };
proto.clone = function () { var m = new Moment(new Date(this._d.getTime()), this._isUTC ? 'offset' : 'local', this._offset); m._pf = this._pf; return m; };
proto.valueOf = function () { return this._d.getTime(); };
proto.unix = function () { return Math.floor(this.valueOf() / 1000); };
proto.toDate = function () { return new Date(this.valueOf()); };
proto.toISOString = function (keepOffset) {
  if (!this.isValid()) return null;
  var y = this.clone().utc().year();
  if (keepOffset && this._isUTC !== undefined) return this.format('YYYY-MM-DD[T]HH:mm:ss.SSSZ');
  if (y < 0 || y > 9999) return this.clone().utc().format('YYYYYY-MM-DD[T]HH:mm:ss.SSS[Z]');
  return this._d.toISOString();
};
proto.toJSON = function () { return this.isValid() ? this.toISOString() : null; };
proto.toString = function () { return this.clone().locale('en').format('ddd MMM DD YYYY HH:mm:ss [GMT]ZZ'); };
// inspect names the constructor that makes the moment again, as moment's
// own does: moment.utc("2024-02-29T13:45:30.123+00:00").
proto.inspect = function () {
  if (!this.isValid()) return 'moment.invalid(/* ' + this._i + ' */)';
  var func = 'moment', zone = '';
  if (!this.isLocal()) { func = this.utcOffset() === 0 ? 'moment.utc' : 'moment.parseZone'; zone = 'Z'; }
  var year = this.year() >= 0 && this.year() <= 9999 ? 'YYYY' : 'YYYYYY';
  return this.format('[' + func + '("]' + year + '-MM-DD[T]HH:mm:ss.SSS' + zone + '[")]');
};
proto.toArray = function () { var f = this._fields(); return [f.y, f.M, f.D, f.h, f.m, f.s, f.ms]; };
proto.toObject = function () { var f = this._fields(); return { years: f.y, months: f.M, date: f.D, hours: f.h, minutes: f.m, seconds: f.s, milliseconds: f.ms }; };
proto.locale = function (l) { return l === undefined ? 'en' : this; };
proto.lang = proto.locale;
proto.localeData = function () { return moment.localeData(); };
proto.daysInMonth = function () { var f = this._fields(); return daysInMonth(f.y, f.M); };
proto.isLeapYear = function () { return isLeap(this._fields().y); };
proto.creationData = function () { return { input: this._i, format: this._f, isUTC: this._isUTC, strict: this._strict }; };

function getterSetter(key) {
  return function (v) {
    if (v === undefined) return this.isValid() ? this._fields()[key] : NaN;
    if (!this.isValid()) return this;
    var f = this._fields();
    v = toInt(v);
    if (key === 'M') {
      if (typeof arguments[0] === 'string' && !/^\d+$/.test(arguments[0])) {
        var idx = monthIndex(arguments[0]);
        if (idx < 0) return this;
        v = idx;
      }
      f.D = Math.min(f.D, daysInMonth(f.y, v));
    }
    if (key === 'y' && f.M === 1 && f.D === 29 && !isLeap(v)) f.D = 28;
    f[key] = v;
    return this._setFields(f);
  };
}
proto.year = proto.years = getterSetter('y');
proto.month = proto.months = getterSetter('M');
proto.date = proto.dates = getterSetter('D');
proto.hour = proto.hours = getterSetter('h');
proto.minute = proto.minutes = getterSetter('m');
proto.second = proto.seconds = getterSetter('s');
proto.millisecond = proto.milliseconds = getterSetter('ms');
proto.day = proto.days = function (v) {
  var wd = this._fields().wd;
  if (v === undefined) return this.isValid() ? wd : NaN;
  if (typeof v === 'string') { var i = dayIndex(v); if (i < 0) return this; v = i; }
  return this.add(v - wd, 'd');
};
proto.weekday = function (v) { return this.day(v); };
proto.isoWeekday = function (v) {
  var wd = this._fields().wd || 7;
  if (v === undefined) return wd;
  if (typeof v === 'string') { var i = dayIndex(v); v = i === 0 ? 7 : i; }
  return this.add(v - wd, 'd');
};
proto.dayOfYear = function (v) {
  var f = this._fields();
  var doy = Math.round((Date.UTC(f.y, f.M, f.D) - Date.UTC(f.y, 0, 1)) / 864e5) + 1;
  return v === undefined ? doy : this.add(v - doy, 'd');
};
proto.quarter = proto.quarters = function (v) {
  var q = Math.ceil((this._fields().M + 1) / 3);
  return v === undefined ? q : this.month((v - 1) * 3 + (this._fields().M % 3));
};
function weekOfYear(f, dow, doy) {
  var fwd = 7 + dow - doy;
  var jan = new Date(Date.UTC(f.y, 0, fwd)).getUTCDay();
  var fwdlw = (7 + jan - dow) % 7;
  var weekOffset = -fwdlw + fwd - 1;
  var dayOfYear = Math.round((Date.UTC(f.y, f.M, f.D) - Date.UTC(f.y, 0, 1)) / 864e5) + 1;
  var week = Math.floor((dayOfYear - weekOffset - 1) / 7) + 1, year = f.y;
  function weeksInYear(y) {
    var j = new Date(Date.UTC(y, 0, fwd)).getUTCDay(), off = -((7 + j - dow) % 7) + fwd - 1;
    var j2 = new Date(Date.UTC(y + 1, 0, fwd)).getUTCDay(), off2 = -((7 + j2 - dow) % 7) + fwd - 1;
    return ((isLeap(y) ? 366 : 365) - off + off2) / 7;
  }
  if (week < 1) { year = f.y - 1; week = week + weeksInYear(year); }
  else if (week > weeksInYear(f.y)) { week = week - weeksInYear(f.y); year = f.y + 1; }
  return { week: week, year: year };
}
proto.week = proto.weeks = function (v) { var w = weekOfYear(this._fields(), 0, 6).week; return v === undefined ? w : this.add((v - w) * 7, 'd'); };
proto.isoWeek = proto.isoWeeks = function (v) { var w = weekOfYear(this._fields(), 1, 4).week; return v === undefined ? w : this.add((v - w) * 7, 'd'); };
proto.weekYear = function () { return weekOfYear(this._fields(), 0, 6).year; };
proto.isoWeekYear = function () { return weekOfYear(this._fields(), 1, 4).year; };
proto.isoWeeksInYear = function () { var f = this._fields(); return weekOfYear({ y: f.y, M: 11, D: 28 }, 1, 4).week; };
proto.weeksInYear = function () { var f = this._fields(); return weekOfYear({ y: f.y, M: 11, D: 31 - 6 + 6 }, 0, 6).week; };
proto.get = function (u) { u = normUnit(u); return u && typeof this[u] === 'function' ? this[u]() : undefined; };
proto.set = function (u, v) {
  if (typeof u === 'object') {
    var order = ['year', 'quarter', 'month', 'isoWeek', 'week', 'date', 'day', 'weekday', 'isoWeekday', 'dayOfYear', 'hour', 'minute', 'second', 'millisecond'];
    var norm = {};
    for (var k in u) if (normUnit(k)) norm[normUnit(k)] = u[k];
    for (var i = 0; i < order.length; i++) if (norm[order[i]] !== undefined) this[order[i]](norm[order[i]]);
    return this;
  }
  u = normUnit(u);
  if (u && typeof this[u] === 'function') this[u](v);
  return this;
};

function monthIndex(s) {
  s = String(s).toLowerCase();
  for (var i = 0; i < 12; i++) if (MONTHS[i].toLowerCase() === s || MONTHS_SHORT[i].toLowerCase() === s) return i;
  return -1;
}
function dayIndex(s) {
  s = String(s).toLowerCase();
  for (var i = 0; i < 7; i++) if (DAYS[i].toLowerCase() === s || DAYS_SHORT[i].toLowerCase() === s || DAYS_MIN[i].toLowerCase() === s) return i;
  return -1;
}

// ---- manipulation ----
function addDuration(m, dur, sign) {
  if (!m.isValid()) return m;
  var ms = dur._milliseconds * sign, days = dur._days * sign, months = dur._months * sign;
  if (months) {
    var f = m._fields(), tm = f.M + months, y = f.y + Math.floor(tm / 12);
    tm = ((tm % 12) + 12) % 12;
    f.y = y; f.M = tm; f.D = Math.min(f.D, daysInMonth(y, tm));
    m._setFields(f);
  }
  if (days) { var g = m._fields(); g.D += days; m._setFields(g); }
  if (ms) m._d = new Date(m._d.getTime() + ms);
  return m;
}
proto.add = function (v, u) {
  return addDuration(this, typeof v === 'string' && !isNaN(+v) && typeof u === 'string' ? createDuration(+v, u) : createDuration(v, u), 1);
};
proto.subtract = function (v, u) {
  return addDuration(this, typeof v === 'string' && !isNaN(+v) && typeof u === 'string' ? createDuration(+v, u) : createDuration(v, u), -1);
};
proto.startOf = function (u) {
  u = normUnit(u);
  if (!u || u === 'millisecond' || !this.isValid()) return this;
  var f = this._fields();
  switch (u) {
    case 'year': f.M = 0; /* falls through */
    case 'quarter': if (u === 'quarter') f.M = f.M - (f.M % 3); /* falls through */
    case 'month': f.D = 1; /* falls through */
    case 'week': case 'isoWeek': case 'day': case 'date':
      if (u === 'week') f.D -= f.wd;
      if (u === 'isoWeek') f.D -= (f.wd + 6) % 7;
      f.h = 0; /* falls through */
    case 'hour': f.m = 0; /* falls through */
    case 'minute': f.s = 0; /* falls through */
    case 'second': f.ms = 0;
  }
  return this._setFields(f);
};
proto.endOf = function (u) {
  u = normUnit(u);
  if (!u || u === 'millisecond' || !this.isValid()) return this;
  this.startOf(u);
  if (u === 'date') u = 'day';
  this.add(1, u === 'isoWeek' ? 'week' : u);
  this._d = new Date(this._d.getTime() - 1);
  return this;
};

// ---- comparison ----
function toMoment(v) { return isMoment(v) ? v : moment(v); }
proto.isBefore = function (o, u) {
  o = toMoment(o); u = normUnit(u) || 'millisecond';
  if (!this.isValid() || !o.isValid()) return false;
  return u === 'millisecond' ? this.valueOf() < o.valueOf() : this.clone().endOf(u).valueOf() < o.valueOf();
};
proto.isAfter = function (o, u) {
  o = toMoment(o); u = normUnit(u) || 'millisecond';
  if (!this.isValid() || !o.isValid()) return false;
  return u === 'millisecond' ? this.valueOf() > o.valueOf() : o.valueOf() < this.clone().startOf(u).valueOf();
};
proto.isSame = function (o, u) {
  o = toMoment(o); u = normUnit(u) || 'millisecond';
  if (!this.isValid() || !o.isValid()) return false;
  if (u === 'millisecond') return this.valueOf() === o.valueOf();
  var v = o.valueOf();
  return this.clone().startOf(u).valueOf() <= v && v <= this.clone().endOf(u).valueOf();
};
proto.isSameOrAfter = function (o, u) { return this.isSame(o, u) || this.isAfter(o, u); };
proto.isSameOrBefore = function (o, u) { return this.isSame(o, u) || this.isBefore(o, u); };
proto.isBetween = function (a, b, u, incl) {
  incl = incl || '()';
  var l = incl[0] === '(' ? this.isAfter(a, u) : !this.isBefore(a, u);
  var r = incl[1] === ')' ? this.isBefore(b, u) : !this.isAfter(b, u);
  return l && r;
};
function monthDiff(a, b) {
  if (a.date() < b.date()) return -monthDiff(b, a);
  var wholeMonthDiff = (b.year() - a.year()) * 12 + (b.month() - a.month());
  var anchor = a.clone().add(wholeMonthDiff, 'months'), anchor2, adjust;
  if (b - anchor < 0) {
    anchor2 = a.clone().add(wholeMonthDiff - 1, 'months');
    adjust = (b - anchor) / (anchor - anchor2);
  } else {
    anchor2 = a.clone().add(wholeMonthDiff + 1, 'months');
    adjust = (b - anchor) / (anchor2 - anchor);
  }
  return -(wholeMonthDiff + adjust) || 0;
}
proto.diff = function (input, u, asFloat) {
  var that = toMoment(input);
  if (!this.isValid() || !that.isValid()) return NaN;
  var zoneDelta = (that.utcOffset() - this.utcOffset()) * 6e4, out;
  u = normUnit(u);
  switch (u) {
    case 'year': out = monthDiff(this, that) / 12; break;
    case 'month': out = monthDiff(this, that); break;
    case 'quarter': out = monthDiff(this, that) / 3; break;
    case 'second': out = (this - that) / 1e3; break;
    case 'minute': out = (this - that) / 6e4; break;
    case 'hour': out = (this - that) / 36e5; break;
    case 'day': out = (this - that - zoneDelta) / 864e5; break;
    case 'week': out = (this - that - zoneDelta) / 6048e5; break;
    default: out = this - that;
  }
  return asFloat ? out : absFloor(out);
};
proto.from = function (o, withoutSuffix) {
  o = toMoment(o);
  if (!this.isValid() || !o.isValid()) return 'Invalid date';
  return createDuration(this.valueOf() - o.valueOf()).humanize(!withoutSuffix);
};
proto.fromNow = function (ws) { return this.from(moment(), ws); };
proto.to = function (o, ws) { return toMoment(o).from(this, ws); };
proto.toNow = function (ws) { return this.to(moment(), ws); };
proto.calendar = function (ref) {
  ref = ref ? toMoment(ref) : moment();
  var diff = this.diff(ref.clone().utcOffset(this.utcOffset()).startOf('day'), 'days', true);
  var fmt = diff < -6 ? 'L' : diff < -1 ? '[Last] dddd [at] LT' : diff < 0 ? '[Yesterday at] LT' : diff < 1 ? '[Today at] LT' :
    diff < 2 ? '[Tomorrow at] LT' : diff < 7 ? 'dddd [at] LT' : 'L';
  return this.format(fmt);
};

// ---- formatting ----
var LONG = { LTS: 'h:mm:ss A', LT: 'h:mm A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY', ll: 'MMM D, YYYY', lll: 'MMM D, YYYY h:mm A', llll: 'ddd, MMM D, YYYY h:mm A' };
var TOKEN_RE = /(\[[^\[]*\])|(\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)/g;
function expandLong(f) {
  for (var i = 0; i < 5 && /(\[[^\[]*\])|(\\)?(LTS|LT|LL?L?L?|l{1,4})/.test(f); i++) {
    f = f.replace(/(\[[^\[]*\])|(\\)?(LTS|LT|LL?L?L?|l{1,4})/g, function (m, br, esc, tok) { return br || esc ? m : LONG[tok] || m; });
  }
  return f;
}
proto.format = function (fmt) {
  if (!this.isValid()) return 'Invalid date';
  if (!fmt) fmt = this._isUTC && (this._offset || 0) === 0 ? moment.defaultFormatUtc : moment.defaultFormat;
  fmt = expandLong(fmt);
  var f = this._fields(), self = this, off = this.utcOffset();
  return fmt.replace(TOKEN_RE, function (match, bracket, esc) {
    if (bracket) return match.slice(1, -1);
    if (esc) return match.replace(/^\\/, '');
    var h12 = f.h % 12 || 12;
    switch (match) {
      case 'YYYYYY': return (f.y < 0 ? '-' : '+') + pad(Math.abs(f.y), 6);
      case 'YYYYY': return pad(f.y, 5);
      case 'YYYY': return f.y <= 9999 ? pad(f.y, 4) : '+' + f.y;
      case 'YY': return pad(Math.abs(f.y) % 100, 2);
      case 'Y': return f.y <= 9999 ? String(f.y) : '+' + f.y;
      case 'Q': return String(Math.ceil((f.M + 1) / 3));
      case 'Qo': return ordinal(Math.ceil((f.M + 1) / 3));
      case 'M': return String(f.M + 1);
      case 'Mo': return ordinal(f.M + 1);
      case 'MM': return pad(f.M + 1, 2);
      case 'MMM': return MONTHS_SHORT[f.M];
      case 'MMMM': return MONTHS[f.M];
      case 'D': return String(f.D);
      case 'Do': return ordinal(f.D);
      case 'DD': return pad(f.D, 2);
      case 'DDD': return String(self.dayOfYear());
      case 'DDDo': return ordinal(self.dayOfYear());
      case 'DDDD': return pad(self.dayOfYear(), 3);
      case 'd': case 'e': return String(f.wd);
      case 'do': return ordinal(f.wd);
      case 'dd': return DAYS_MIN[f.wd];
      case 'ddd': return DAYS_SHORT[f.wd];
      case 'dddd': return DAYS[f.wd];
      case 'E': return String(f.wd || 7);
      case 'w': return String(self.week());
      case 'wo': return ordinal(self.week());
      case 'ww': return pad(self.week(), 2);
      case 'W': return String(self.isoWeek());
      case 'Wo': return ordinal(self.isoWeek());
      case 'WW': return pad(self.isoWeek(), 2);
      case 'gg': return pad(self.weekYear() % 100, 2);
      case 'gggg': return pad(self.weekYear(), 4);
      case 'GG': return pad(self.isoWeekYear() % 100, 2);
      case 'GGGG': return pad(self.isoWeekYear(), 4);
      case 'A': return f.h < 12 ? 'AM' : 'PM';
      case 'a': return f.h < 12 ? 'am' : 'pm';
      case 'H': return String(f.h);
      case 'HH': return pad(f.h, 2);
      case 'h': return String(h12);
      case 'hh': return pad(h12, 2);
      case 'k': return String(f.h || 24);
      case 'kk': return pad(f.h || 24, 2);
      case 'hmm': return h12 + pad(f.m, 2);
      case 'hmmss': return h12 + pad(f.m, 2) + pad(f.s, 2);
      case 'Hmm': return f.h + pad(f.m, 2);
      case 'Hmmss': return f.h + pad(f.m, 2) + pad(f.s, 2);
      case 'm': return String(f.m);
      case 'mm': return pad(f.m, 2);
      case 's': return String(f.s);
      case 'ss': return pad(f.s, 2);
      case 'X': return String(self.unix());
      case 'x': return String(self.valueOf());
      case 'Z': return offsetStr(off, ':');
      case 'ZZ': return offsetStr(off, '');
      case 'z': case 'zz': return self._isUTC ? ((self._offset || 0) === 0 ? 'UTC' : '') : '';
      case 'N': case 'NN': case 'NNN': return f.y > 0 ? 'AD' : 'BC';
      case 'NNNN': return f.y > 0 ? 'Anno Domini' : 'Before Christ';
    }
    if (/^S{1,9}$/.test(match)) return (pad(f.ms, 3) + '000000').slice(0, match.length);
    return match;
  });
};

// ---- parsing ----
function parseOffset(s) {
  var m = /(Z|[+-]\d\d(?::?\d\d)?)\s*$/i.exec(String(s));
  if (!m) return null;
  if (m[1].toUpperCase() === 'Z') return 0;
  var parts = /([+-])(\d\d):?(\d\d)?/.exec(m[1]);
  var mins = +parts[2] * 60 + (+parts[3] || 0);
  return parts[1] === '+' ? mins : -mins;
}
var ISO_RE = /^\s*((?:[+-]\d{6}|\d{4})-(?:\d\d-\d\d|W\d\d-\d|W\d\d|\d\d\d|\d\d))(?:(T| )(\d\d(?::\d\d(?::\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?$/;
var ISO_BASIC_RE = /^\s*((?:[+-]\d{6}|\d{4})(?:\d\d\d\d|W\d\d\d|W\d\d|\d\d\d|\d\d|))(?:(T| )(\d\d(?:\d\d(?:\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?$/;
function fromParts(p, offset, utcMode) {
  // p: [y, M, D, h, m, s, ms]
  var y = p[0], M = p[1] || 0, D = p[2] === undefined ? 1 : p[2], h = p[3] || 0, mi = p[4] || 0, s = p[5] || 0, ms = p[6] || 0;
  if (M < 0 || M > 11 || D < 1 || D > daysInMonth(y, M) || h < 0 || h > 24 || (h === 24 && (mi || s || ms)) || mi > 59 || s > 59) return null;
  var t;
  if (offset !== null && offset !== undefined) t = Date.UTC(y, M, D, h, mi, s, ms) - offset * 60000;
  else if (utcMode) t = Date.UTC(y, M, D, h, mi, s, ms);
  else { var d = new Date(y, M, D, h, mi, s, ms); if (y < 100 && y >= 0) d.setFullYear(y); return d; }
  var dd = new Date(t);
  if (y < 100 && y >= 0) dd.setUTCFullYear(y + dd.getUTCFullYear() - y);
  return dd;
}
function parseISO(s, utcMode) {
  var m = ISO_RE.exec(s), basic = false;
  if (!m) { m = ISO_BASIC_RE.exec(s); basic = true; }
  if (!m) return undefined;
  var date = m[1], p, dm;
  if ((dm = /^([+-]\d{6}|\d{4})-?(\d\d)-?(\d\d)$/.exec(date))) p = [+dm[1], +dm[2] - 1, +dm[3]];
  else if ((dm = /^([+-]\d{6}|\d{4})-(\d\d)$/.exec(date)) || (basic && (dm = /^([+-]\d{6}|\d{4})(\d\d)$/.exec(date)))) p = [+dm[1], +dm[2] - 1, 1];
  else if ((dm = /^([+-]\d{6}|\d{4})-?(\d\d\d)$/.exec(date))) { var dd0 = new Date(Date.UTC(+dm[1], 0, +dm[2])); p = [+dm[1], dd0.getUTCMonth(), dd0.getUTCDate()]; }
  else if ((dm = /^([+-]\d{6}|\d{4})-?W(\d\d)(?:-?(\d))?$/.exec(date))) {
    var yy = +dm[1], wk = +dm[2], wd = dm[3] ? +dm[3] : 1;
    var jan4 = new Date(Date.UTC(yy, 0, 4)), jd = jan4.getUTCDay() || 7;
    var t0 = Date.UTC(yy, 0, 4 - jd + 1 + (wk - 1) * 7 + (wd - 1)), d1 = new Date(t0);
    p = [d1.getUTCFullYear(), d1.getUTCMonth(), d1.getUTCDate()];
  } else if ((dm = /^(\d{4})$/.exec(date))) p = [+dm[1], 0, 1];
  else return null;
  if (m[3]) {
    var tm = /^(\d\d):?(?:(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?$/.exec(m[3]);
    if (!tm) return null;
    p.push(+tm[1], +(tm[2] || 0), +(tm[3] || 0), tm[4] ? Math.floor(+('0.' + tm[4]) * 1000 + 1e-9) : 0);
  }
  var off = m[4] ? parseOffset(m[4].trim()) : null;
  var d = fromParts(p, off, utcMode);
  return d ? { d: d, offset: off } : null;
}
var RFC_RE = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|([+-]\d{4}))$/;
function parseRFC(s) {
  var m = RFC_RE.exec(s.replace(/\([^()]*\)|[\n\t]/g, ' ').replace(/(\s\s+)/g, ' ').replace(/^\s\s*/, '').replace(/\s\s*$/, ''));
  if (!m) return undefined;
  var y = +m[4];
  if (m[4].length <= 2) y = y + (y < 50 ? 2000 : 1900);
  var zones = { UT: 0, GMT: 0, EDT: -240, EST: -300, CDT: -300, CST: -360, MDT: -360, MST: -420, PDT: -420, PST: -480 };
  var off = m[8] ? zones[m[8]] : m[9] ? 0 : parseOffset(m[10]);
  var d = fromParts([y, monthIndex(m[3]), +m[2], +m[5], +m[6], +(m[7] || 0), 0], off);
  return d ? { d: d, offset: off } : null;
}

var PARSE_TOKEN_RE = /(\[[^\[]*\])|(\\)?(YYYYYY|YYYYY|YYYY|YY|Y|MMMM|MMM|MM|M|Do|DDDD|DDD|DD|D|dddd|ddd|dd|d|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|X|x|ZZ|Z|Q|E|e|WW|W|ww|w|GGGG|gggg|.)/g;
var MATCH = {
  YYYYYY: /[+-]?\d{1,6}/, YYYYY: /[+-]?\d{1,6}/, YYYY: /\d{1,4}/, YY: /\d\d?/, Y: /[+-]?\d+/,
  MMMM: /[A-Za-z]+/, MMM: /[A-Za-z]+/, MM: /\d\d?/, M: /\d\d?/, Do: /\d{1,2}(?:st|nd|rd|th)?/i,
  DDDD: /\d{1,3}/, DDD: /\d{1,3}/, DD: /\d\d?/, D: /\d\d?/, dddd: /[A-Za-z]+/, ddd: /[A-Za-z]+/, dd: /[A-Za-z]+/, d: /\d/,
  HH: /\d\d?/, H: /\d\d?/, hh: /\d\d?/, h: /\d\d?/, kk: /\d\d?/, k: /\d\d?/, mm: /\d\d?/, m: /\d\d?/, ss: /\d\d?/, s: /\d\d?/,
  A: /[ap]\.?m?\.?/i, a: /[ap]\.?m?\.?/i, X: /[+-]?\d+(\.\d{1,3})?/, x: /[+-]?\d+/, ZZ: /Z|[+-]\d\d:?\d\d/i, Z: /Z|[+-]\d\d:?\d\d/i,
  Q: /\d/, E: /\d/, e: /\d/, WW: /\d\d?/, W: /\d\d?/, ww: /\d\d?/, w: /\d\d?/, GGGG: /\d{1,4}/, gggg: /\d{1,4}/
};
var STRICT_MATCH = { YYYY: /\d{4}/, MM: /\d\d/, DD: /\d\d/, HH: /\d\d/, hh: /\d\d/, mm: /\d\d/, ss: /\d\d/, YY: /\d\d/, M: /\d\d?/, D: /\d\d?/ };
function parseWithFormat(input, fmt, strict, utcMode) {
  fmt = expandLong(fmt);
  var tokens = fmt.match(PARSE_TOKEN_RE) || [], s = String(input), pos = 0, cfg = {}, i;
  for (i = 0; i < tokens.length; i++) {
    var tok = tokens[i];
    if (tok.charAt(0) === '[') {
      var lit = tok.slice(1, -1);
      if (s.substr(pos, lit.length) === lit) pos += lit.length;
      else if (strict) return null;
      continue;
    }
    if (tok.charAt(0) === '\\') tok = tok.slice(1);
    var re = (strict && STRICT_MATCH[tok]) || MATCH[tok];
    if (tok.length > 1 && /^S+$/.test(tok)) re = strict ? new RegExp('\\d{' + tok.length + '}') : /\d+/;
    else if (tok === 'S') re = strict ? /\d/ : /\d+/;
    if (!re) {
      if (strict) { if (s.charAt(pos) !== tok) return null; pos++; continue; }
      if (s.charAt(pos) === tok) pos++;
      else cfg.missing = (cfg.missing || 0) + 1;
      continue;
    }
    var rest = s.slice(pos), mm;
    if (!strict) {
      var skip = /^[^A-Za-z0-9+-]*/.exec(rest)[0];
      if (/[A-Za-z0-9]/.test(tok.charAt(0)) || tok === 'Z' || tok === 'ZZ') { pos += skip.length; rest = rest.slice(skip.length); cfg.skipped = (cfg.skipped || 0) + skip.length; }
    }
    mm = new RegExp('^(?:' + re.source + ')', re.flags).exec(rest);
    if (!mm) { if (strict) return null; cfg.missing = (cfg.missing || 0) + 1; continue; }
    pos += mm[0].length;
    var v = mm[0];
    switch (tok) {
      case 'YYYYYY': case 'YYYYY': case 'YYYY': case 'Y': cfg.y = +v; break;
      case 'YY': cfg.y = +v + (+v > 68 ? 1900 : 2000); break;
      case 'gggg': case 'GGGG': cfg.y = cfg.y === undefined ? +v : cfg.y; break;
      case 'M': case 'MM': cfg.M = +v - 1; break;
      case 'MMM': case 'MMMM': var mi = monthIndex(v); if (mi < 0) { if (strict) return null; cfg.invalid = true; } cfg.M = mi; break;
      case 'D': case 'DD': case 'Do': cfg.D = parseInt(v, 10); break;
      case 'DDD': case 'DDDD': cfg.doy = +v; break;
      case 'H': case 'HH': case 'k': case 'kk': cfg.h = +v; break;
      case 'h': case 'hh': cfg.h = +v; cfg.h12 = true; break;
      case 'A': case 'a': cfg.pm = v.charAt(0).toLowerCase() === 'p'; break;
      case 'm': case 'mm': cfg.m = +v; break;
      case 's': case 'ss': cfg.s = +v; break;
      case 'X': cfg.t = Math.round(parseFloat(v) * 1000); break;
      case 'x': cfg.t = +v; break;
      case 'Z': case 'ZZ': cfg.off = parseOffset(v); break;
      default: if (/^S+$/.test(tok)) cfg.ms = Math.floor(+('0.' + v) * 1000 + 1e-9);
    }
  }
  if (strict && pos !== s.length) return null;
  if (pos === 0 && tokens.length) return null;
  if (cfg.t !== undefined) return { d: new Date(cfg.t), offset: cfg.off };
  if (cfg.invalid) return null;
  var now = new Date(), h = cfg.h || 0;
  if (cfg.pm !== undefined) { if (cfg.pm && h < 12) h += 12; if (!cfg.pm && h === 12) h = 0; }
  var y = cfg.y !== undefined ? cfg.y : (utcMode ? now.getUTCFullYear() : now.getFullYear());
  var M = cfg.M, D = cfg.D;
  if (cfg.doy !== undefined) { var dd = new Date(Date.UTC(y, 0, cfg.doy)); M = dd.getUTCMonth(); D = dd.getUTCDate(); }
  if (M === undefined) M = (cfg.y === undefined && D !== undefined) ? (utcMode ? now.getUTCMonth() : now.getMonth()) : 0;
  if (D === undefined) D = 1;
  var d = fromParts([y, M, D, h, cfg.m || 0, cfg.s || 0, cfg.ms || 0], cfg.off === undefined ? null : cfg.off, utcMode);
  // moment picks among several formats by leftover input and unmatched
  // tokens; keep the same score.
  return d ? { d: d, offset: cfg.off, score: (cfg.skipped || 0) + (s.length - pos) + 10 * (cfg.missing || 0) } : null;
}

function createFrom(input, format, strict, mode) {
  var utcMode = mode === 'utc', r, m;
  if (typeof format === 'boolean') { strict = format; format = undefined; }
  if (isMoment(input)) {
    m = input.clone();
    if (utcMode) m.utc();
    return m;
  }
  if (input === undefined) r = { d: new Date() };
  else if (input === null) r = null;
  else if (input instanceof Date) r = { d: new Date(input.getTime()) };
  else if (typeof input === 'number') r = { d: new Date(input) };
  else if (Array.isArray(input)) {
    if (!input.length) r = { d: new Date() };
    else { var dd = fromParts([input[0], input[1], input[2], input[3], input[4], input[5], input[6]], null, utcMode); r = dd ? { d: dd } : null; }
  } else if (typeof input === 'object') {
    var o = {};
    for (var k in input) if (normUnit(k)) o[normUnit(k)] = input[k];
    var d2 = fromParts([o.year !== undefined ? o.year : new Date().getFullYear(), o.month || 0, o.date !== undefined ? o.date : (o.day !== undefined ? o.day : 1), o.hour, o.minute, o.second, o.millisecond], null, utcMode);
    r = d2 ? { d: d2 } : null;
  } else if (format !== undefined && format !== null) {
    var fmts = Array.isArray(format) ? format : [format];
    r = null;
    for (var i = 0; i < fmts.length; i++) {
      var c = fmts[i] === moment.ISO_8601 ? parseISO(String(input), utcMode) || null : parseWithFormat(input, fmts[i], strict, utcMode);
      if (c && (!r || (c.score || 0) < (r.score || 0))) r = c;
      if (r && !r.score) break;
    }
  } else {
    var s = String(input);
    r = parseISO(s, utcMode);
    if (r === undefined) r = parseRFC(s);
    if (r === undefined) {
      var fd = new Date(s);
      r = isNaN(fd.getTime()) ? null : { d: fd };
    }
  }
  if (!r) {
    m = new Moment(new Date(NaN), mode === 'utc' ? 'utc' : 'local');
    m._pf.invalid = true;
    // moment makes null (and '' without a format) from NaN, which its
    // inspect() and creationData() show.
    m._i = input === null || (format === undefined && input === '') ? NaN : input;
    return m;
  }
  m = new Moment(r.d, utcMode ? 'utc' : 'local');
  m._i = input;
  m._f = format;
  m._strict = !!strict;
  return m;
}

function isMoment(v) { return v instanceof Moment || (v != null && v._isAMomentObject === true); }
function moment(input, format, locale, strict) {
  if (typeof locale === 'boolean') strict = locale;
  return createFrom(input, format, strict, 'local');
}
moment.utc = function (input, format, locale, strict) {
  if (typeof locale === 'boolean') strict = locale;
  return createFrom(input, format, strict, 'utc');
};
moment.parseZone = function (input, format) {
  var m = createFrom(input, format, false, 'local');
  var off = typeof input === 'string' ? parseOffset(input) : null;
  return off === null ? m.utc() : m.utcOffset(off);
};
moment.unix = function (s) { return moment(s * 1000); };
moment.isMoment = isMoment;
moment.isDate = function (d) { return d instanceof Date; };
moment.isDuration = function (d) { return d instanceof Duration; };
moment.invalid = function () { var m = moment(NaN); m._pf.invalid = true; return m; };
moment.now = function () { return Date.now(); };
moment.max = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments); return a.reduce(function (r, m) { return !r || m.isAfter(r) ? m : r; }, null) || moment(); };
moment.min = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments); return a.reduce(function (r, m) { return !r || m.isBefore(r) ? m : r; }, null) || moment(); };
moment.locale = function () { return 'en'; };
moment.lang = moment.locale;
moment.locales = function () { return ['en']; };
moment.localeData = function () {
  return {
    months: function (m) { return m ? MONTHS[m.month()] : MONTHS.slice(); },
    monthsShort: function (m) { return m ? MONTHS_SHORT[m.month()] : MONTHS_SHORT.slice(); },
    weekdays: function (m) { return m ? DAYS[m.day()] : DAYS.slice(); },
    weekdaysShort: function (m) { return m ? DAYS_SHORT[m.day()] : DAYS_SHORT.slice(); },
    weekdaysMin: function (m) { return m ? DAYS_MIN[m.day()] : DAYS_MIN.slice(); },
    ordinal: ordinal, longDateFormat: function (k) { return LONG[k]; }, firstDayOfWeek: function () { return 0; }
  };
};
moment.months = function () { return MONTHS.slice(); };
moment.monthsShort = function () { return MONTHS_SHORT.slice(); };
moment.weekdays = function () { return DAYS.slice(); };
moment.weekdaysShort = function () { return DAYS_SHORT.slice(); };
moment.weekdaysMin = function () { return DAYS_MIN.slice(); };
moment.normalizeUnits = normUnit;
moment.ISO_8601 = function () {};
moment.RFC_2822 = function () {};
moment.HTML5_FMT = { DATETIME_LOCAL: 'YYYY-MM-DDTHH:mm', DATETIME_LOCAL_SECONDS: 'YYYY-MM-DDTHH:mm:ss', DATETIME_LOCAL_MS: 'YYYY-MM-DDTHH:mm:ss.SSS', DATE: 'YYYY-MM-DD', TIME: 'HH:mm', TIME_SECONDS: 'HH:mm:ss', TIME_MS: 'HH:mm:ss.SSS', WEEK: 'GGGG-[W]WW', MONTH: 'YYYY-MM' };
moment.defaultFormat = 'YYYY-MM-DDTHH:mm:ssZ';
moment.defaultFormatUtc = 'YYYY-MM-DDTHH:mm:ss[Z]';
moment.version = '2.30.1';
moment.fn = proto;
moment.prototype = proto;

// ---- durations ----
function Duration(o) {
  var y = o.year || 0, q = o.quarter || 0, M = o.month || 0, w = o.week || o.isoWeek || 0, d = o.day || 0,
    h = o.hour || 0, mi = o.minute || 0, s = o.second || 0, ms = o.millisecond || 0;
  this._milliseconds = +ms + s * 1e3 + mi * 6e4 + h * 36e5;
  this._days = +d + w * 7;
  this._months = +M + q * 3 + y * 12;
  this._data = {};
  this._isValid = true;
  this._bubble();
}
function daysToMonths(days) { return days * 4800 / 146097; }
function monthsToDays(months) { return months * 146097 / 4800; }
var dproto = Duration.prototype;
dproto._bubble = function () {
  var ms = this._milliseconds, days = this._days, months = this._months, data = this._data, secs, mins, hours, years, monthsFromDays;
  if (!((ms >= 0 && days >= 0 && months >= 0) || (ms <= 0 && days <= 0 && months <= 0))) {
    ms += absCeil(monthsToDays(months) + days) * 864e5;
    days = 0; months = 0;
  }
  data.milliseconds = ms % 1000;
  secs = absFloor(ms / 1000); data.seconds = secs % 60;
  mins = absFloor(secs / 60); data.minutes = mins % 60;
  hours = absFloor(mins / 60); data.hours = hours % 24;
  days += absFloor(hours / 24);
  monthsFromDays = absFloor(daysToMonths(days));
  months += monthsFromDays;
  days -= absCeil(monthsToDays(monthsFromDays));
  years = absFloor(months / 12);
  months %= 12;
  data.days = days; data.months = months; data.years = years;
};
function absCeil(n) { return n < 0 ? Math.floor(n) : Math.ceil(n); }
dproto.as = function (u) {
  u = normUnit(u);
  var days, months, ms = this._milliseconds;
  if (u === 'month' || u === 'quarter' || u === 'year') {
    days = this._days + ms / 864e5;
    months = this._months + daysToMonths(days);
    return u === 'month' ? months : u === 'quarter' ? months / 3 : months / 12;
  }
  days = this._days + Math.round(monthsToDays(this._months));
  switch (u) {
    case 'week': return days / 7 + ms / 6048e5;
    case 'day': return days + ms / 864e5;
    case 'hour': return days * 24 + ms / 36e5;
    case 'minute': return days * 1440 + ms / 6e4;
    case 'second': return days * 86400 + ms / 1000;
    case 'millisecond': return Math.floor(days * 864e5) + ms;
  }
  throw new Error('Unknown unit ' + u);
};
['Milliseconds', 'Seconds', 'Minutes', 'Hours', 'Days', 'Weeks', 'Months', 'Quarters', 'Years'].forEach(function (n) {
  var unit = n.toLowerCase().slice(0, -1);
  dproto['as' + n] = function () { return this.as(unit); };
  if (n !== 'Weeks' && n !== 'Quarters') dproto[n.toLowerCase()] = function () { return this._data[n.toLowerCase()]; };
});
dproto.weeks = function () { return absFloor(this.days() / 7); };
dproto.get = function (u) { u = normUnit(u); return this[u + 's'] ? this[u + 's']() : NaN; };
dproto.valueOf = function () { return this.asMilliseconds(); };
dproto.isValid = function () { return this._isValid; };
dproto.clone = function () { return createDuration(this); };
dproto.abs = function () {
  this._milliseconds = Math.abs(this._milliseconds); this._days = Math.abs(this._days); this._months = Math.abs(this._months);
  this._bubble();
  return this;
};
dproto.add = function (v, u) { var o = createDuration(v, u); this._milliseconds += o._milliseconds; this._days += o._days; this._months += o._months; this._bubble(); return this; };
dproto.subtract = function (v, u) { var o = createDuration(v, u); this._milliseconds -= o._milliseconds; this._days -= o._days; this._months -= o._months; this._bubble(); return this; };
dproto.locale = function () { return this; };
dproto.humanize = function (withSuffix) {
  var dur = createDuration(this).abs(), r = Math.round;
  var s = r(dur.as('s')), m = r(dur.as('m')), h = r(dur.as('h')), d = r(dur.as('d')), M = r(dur.as('M')), y = r(dur.as('y'));
  var out = s <= 44 ? 'a few seconds' : s < 45 ? s + ' seconds' : m <= 1 ? 'a minute' : m < 45 ? m + ' minutes' :
    h <= 1 ? 'an hour' : h < 22 ? h + ' hours' : d <= 1 ? 'a day' : d < 26 ? d + ' days' :
    M <= 1 ? 'a month' : M < 11 ? M + ' months' : y <= 1 ? 'a year' : y + ' years';
  if (withSuffix) out = this.valueOf() > 0 ? 'in ' + out : out + ' ago';
  return out;
};
dproto.toISOString = function () {
  var ms = Math.abs(this._milliseconds) / 1000, days = Math.abs(this._days), months = Math.abs(this._months);
  var total = this.asSeconds();
  if (!total) return 'P0D';
  var minutes = absFloor(ms / 60), hours = absFloor(minutes / 60);
  var secs = +(ms % 60).toFixed(3);
  minutes %= 60;
  var years = absFloor(months / 12);
  months %= 12;
  var sign = total < 0 ? '-' : '';
  function sgn(x, y) { return (x && y && ((x > 0) !== (y > 0))) ? '-' : ''; }
  var ymSign = sgn(this._months, total), daysSign = sgn(this._days, total), hmsSign = sgn(this._milliseconds, total);
  return sign + 'P' + (years ? ymSign + years + 'Y' : '') + (months ? ymSign + months + 'M' : '') + (days ? daysSign + days + 'D' : '') +
    (hours || minutes || secs ? 'T' : '') + (hours ? hmsSign + hours + 'H' : '') + (minutes ? hmsSign + minutes + 'M' : '') + (secs ? hmsSign + secs + 'S' : '');
};
dproto.toJSON = dproto.toISOString;
dproto.toString = dproto.toISOString;
function createDuration(input, key) {
  var o = {}, m;
  if (input instanceof Duration) {
    var c = new Duration({});
    c._milliseconds = input._milliseconds; c._days = input._days; c._months = input._months; c._bubble();
    return c;
  }
  if (typeof input === 'number' || (typeof input === 'string' && /^[+-]?\d+(\.\d+)?$/.test(input) && key)) {
    var u = normUnit(key) || 'millisecond';
    if (u === 'date') u = 'day';
    o[u] = +input;
    return new Duration(o);
  }
  if (typeof input === 'string') {
    if ((m = /^([+-])?(?:(\d*)\.)?(\d+):(\d+)(?::(\d+)(\.\d*)?)?$/.exec(input))) {
      var sg = m[1] === '-' ? -1 : 1;
      return new Duration({ day: sg * toInt(m[2]), hour: sg * toInt(m[3]), minute: sg * toInt(m[4]), second: sg * toInt(m[5]), millisecond: sg * Math.round(+('0' + (m[6] || '.0')) * 1000) });
    }
    if ((m = /^(-|\+)?P(?:([-+]?[0-9,.]*)Y)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)W)?(?:([-+]?[0-9,.]*)D)?(?:T(?:([-+]?[0-9,.]*)H)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)S)?)?$/.exec(input))) {
      var s2 = m[1] === '-' ? -1 : 1, f = function (x) { var r = x && parseFloat(x.replace(',', '.')); return (isNaN(r) ? 0 : r) * s2; };
      return new Duration({ year: f(m[2]), month: f(m[3]), week: f(m[4]), day: f(m[5]), hour: f(m[6]), minute: f(m[7]), second: f(m[8]) });
    }
    return new Duration({});
  }
  if (input && typeof input === 'object') {
    if (isMoment(input.from) || isMoment(input.to)) { return new Duration({ millisecond: moment(input.to) - moment(input.from) }); }
    for (var k in input) { var nu = normUnit(k); if (nu) o[nu === 'date' ? 'day' : nu] = input[k]; }
  }
  return new Duration(o);
}
moment.duration = createDuration;
module.exports = moment;
