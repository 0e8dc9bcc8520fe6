-- 天气: a city's weather per day, pushed by the chain's weather integration, so traffic can be read by weather (seed
-- 001's store page: 客流与天气). Stores are matched by their city.
CREATE TABLE city_weather (
    city        varchar(60)  NOT NULL,
    day         date         NOT NULL,
    condition   varchar(12)  NOT NULL CHECK (condition IN ('sunny', 'cloudy', 'overcast', 'rain', 'snow', 'fog', 'storm')),
    temp_high   numeric(4,1),
    temp_low    numeric(4,1),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (city, day)
);
