{{/* Names and labels shared by every object. */}}
{{- define "concordat.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "concordat.labels" -}}
app.kubernetes.io/part-of: concordat
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector of one service's pods; call with (dict "root" $ "name" $name). */}}
{{- define "concordat.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* A service's effective settings: serviceDefaults overlaid with its own entry. */}}
{{- define "concordat.service" -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy .svc) -}}
{{- if .svc.podDisruptionBudget -}}
{{- $_ := set $merged "podDisruptionBudget" .svc.podDisruptionBudget -}}
{{- end -}}
{{- toJson $merged -}}
{{- end -}}

{{- define "concordat.image" -}}
{{- $img := .root.Values.image -}}
{{- $tag := $img.tag | default .root.Chart.AppVersion -}}
{{- if $img.registry -}}
{{- printf "%s/%s%s:%s" $img.registry $img.repositoryPrefix .name $tag -}}
{{- else -}}
{{- printf "%s%s:%s" $img.repositoryPrefix .name $tag -}}
{{- end -}}
{{- end -}}

{{- define "concordat.issuer" -}}
{{- $kc := .Values.external.keycloak -}}
{{- $kc.issuer | default (printf "%s/realms/%s" (trimSuffix "/" $kc.url) $kc.realm) -}}
{{- end -}}
