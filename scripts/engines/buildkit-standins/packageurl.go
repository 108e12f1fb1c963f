// Package packageurl is a minimal local implementation of the subset of
// github.com/package-url/packageurl-go (not packaged in Debian) that BuildKit uses.
package packageurl

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
)

const (
	TypeDocker = "docker"
	TypeOCI    = "oci"
)

type Qualifier struct {
	Key   string
	Value string
}

func (q Qualifier) String() string { return q.Key + "=" + url.PathEscape(q.Value) }

type Qualifiers []Qualifier

func QualifiersFromMap(m map[string]string) Qualifiers {
	q := Qualifiers{}
	for k, v := range m {
		q = append(q, Qualifier{Key: k, Value: v})
	}
	sort.Slice(q, func(i, j int) bool { return q[i].Key < q[j].Key })
	return q
}

func (qq Qualifiers) Map() map[string]string {
	m := map[string]string{}
	for _, q := range qq {
		m[q.Key] = q.Value
	}
	return m
}

func (qq Qualifiers) String() string {
	s := make([]Qualifier, 0, len(qq))
	for _, q := range qq {
		if q.Value != "" {
			s = append(s, q)
		}
	}
	sort.SliceStable(s, func(i, j int) bool { return s[i].Key < s[j].Key })
	parts := make([]string, len(s))
	for i, q := range s {
		parts[i] = q.String()
	}
	return strings.Join(parts, "&")
}

type PackageURL struct {
	Type       string
	Namespace  string
	Name       string
	Version    string
	Qualifiers Qualifiers
	Subpath    string
}

func NewPackageURL(purlType, namespace, name, version string, qualifiers Qualifiers, subpath string) *PackageURL {
	return &PackageURL{Type: purlType, Namespace: namespace, Name: name, Version: version, Qualifiers: qualifiers, Subpath: subpath}
}

func (p PackageURL) ToString() string {
	segs := []string{p.Type}
	for _, s := range strings.Split(p.Namespace, "/") {
		if s != "" {
			segs = append(segs, url.PathEscape(s))
		}
	}
	nv := url.PathEscape(p.Name)
	if p.Version != "" {
		nv += "@" + url.PathEscape(p.Version)
	}
	segs = append(segs, nv)
	out := "pkg:" + strings.Join(segs, "/")
	if q := p.Qualifiers.String(); q != "" {
		out += "?" + q
	}
	if p.Subpath != "" {
		var sp []string
		for _, s := range strings.Split(p.Subpath, "/") {
			if s != "" && s != "." && s != ".." {
				sp = append(sp, url.PathEscape(s))
			}
		}
		out += "#" + strings.Join(sp, "/")
	}
	return out
}

func (p PackageURL) String() string { return p.ToString() }

func FromString(purl string) (PackageURL, error) {
	if !strings.HasPrefix(purl, "pkg:") {
		return PackageURL{}, fmt.Errorf("purl scheme is not \"pkg\": %q", purl)
	}
	rest := strings.TrimLeft(strings.TrimPrefix(purl, "pkg:"), "/")
	var p PackageURL
	if i := strings.Index(rest, "#"); i >= 0 {
		sub, err := url.PathUnescape(strings.Trim(rest[i+1:], "/"))
		if err != nil {
			return PackageURL{}, err
		}
		p.Subpath = sub
		rest = rest[:i]
	}
	if i := strings.Index(rest, "?"); i >= 0 {
		for _, kv := range strings.Split(rest[i+1:], "&") {
			if kv == "" {
				continue
			}
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return PackageURL{}, fmt.Errorf("invalid qualifier %q", kv)
			}
			uv, err := url.PathUnescape(v)
			if err != nil {
				return PackageURL{}, err
			}
			if uv != "" {
				p.Qualifiers = append(p.Qualifiers, Qualifier{Key: strings.ToLower(k), Value: uv})
			}
		}
		rest = rest[:i]
	}
	rest = strings.Trim(rest, "/")
	typ, rest, ok := strings.Cut(rest, "/")
	if !ok || typ == "" {
		return PackageURL{}, errors.New("purl is missing type or name")
	}
	p.Type = strings.ToLower(typ)
	if i := strings.LastIndex(rest, "@"); i >= 0 && !strings.Contains(rest[i:], "/") {
		v, err := url.PathUnescape(rest[i+1:])
		if err != nil {
			return PackageURL{}, err
		}
		p.Version = v
		rest = rest[:i]
	}
	segs := strings.Split(rest, "/")
	for i, s := range segs {
		u, err := url.PathUnescape(s)
		if err != nil {
			return PackageURL{}, err
		}
		segs[i] = u
	}
	p.Name = segs[len(segs)-1]
	if p.Name == "" {
		return PackageURL{}, errors.New("purl is missing name")
	}
	p.Namespace = strings.Join(segs[:len(segs)-1], "/")
	return p, nil
}
