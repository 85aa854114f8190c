package io.concordat.reporting.domain;

import io.concordat.events.ServiceArea;

/** The theme a service area falls under, as the region's dashboards group them. */
public final class Themes {

    private Themes() {
    }

    /** The theme's code: {@code support} for {@code support.elections}; an unknown code's first part. */
    public static String of(String serviceArea) {
        return ServiceArea.byCode(serviceArea).map(a -> a.theme().code())
                .orElseGet(() -> serviceArea.contains(".") ? serviceArea.substring(0, serviceArea.indexOf('.')) : serviceArea);
    }

    /** A code's name for people: "Support Services", "Elections and electoral registration". */
    public static String title(String code) {
        return ServiceArea.byCode(code).map(ServiceArea::title).orElse(code);
    }
}
