import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { ValidationPipe } from '@nestjs/common';
import { AltinnExceptionFilter } from 'nestjs-altinn-notifications';
import { AppModule } from './app.module.js';

const app = await NestFactory.create(AppModule);
app.useGlobalPipes(new ValidationPipe({ whitelist: true }));
// Altinn's errors become application/problem+json answers (400, 422, 502, 503 with Retry-After, 504).
app.useGlobalFilters(new AltinnExceptionFilter(app.get(HttpAdapterHost)));
await app.listen(3000);
