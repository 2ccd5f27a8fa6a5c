import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { InvoiceMonthsDto, InvoicePageDto, InvoiceScanDto } from './dto/invoice.dto.js';
import {
  InvoiceExportQueryDto,
  InvoiceFilterDto,
  InvoiceListQueryDto,
  QrTextDto,
  ScanUploadDto,
} from './dto/invoice-query.dto.js';
import { exportRowsOf, toCsv, toXlsx } from './invoice-export.js';
import { INVOICE_UPLOAD_OPTIONS, requireFile } from './invoice-images.js';
import { InvoiceQueriesService } from './invoice-queries.service.js';
import { InvoiceReimbursementsService } from './invoice-reimbursements.service.js';
import { InvoiceScansService } from './invoice-scans.service.js';

const scanId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('票据记录不存在') });
const fileBody = {
  schema: {
    type: 'object',
    properties: {
      file: { type: 'string', format: 'binary' },
      amountFen: { type: 'integer', description: 'The price in fen the user was shown; required when priced' },
    },
    required: ['file'],
  },
};

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@ApiTags('invoices')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly scans: InvoiceScansService,
    private readonly queries: InvoiceQueriesService,
    private readonly reimbursements: InvoiceReimbursementsService,
  ) {}

  @Post('photos')
  @ApiOperation({ summary: 'Upload a bill photo; it is recognised by the vendor and the result arrives by itself' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ApiCreatedResponse({ type: InvoiceScanDto })
  @UseInterceptors(FileInterceptor('file', INVOICE_UPLOAD_OPTIONS))
  async uploadPhoto(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ScanUploadDto,
  ): Promise<InvoiceScanDto> {
    const id = await this.scans.submitPhoto(user.id, requireFile(file, '票据照片'), { shownFen: body.amountFen });
    return this.queries.detail(user.id, id);
  }

  @Post('qr-text')
  @ApiOperation({ summary: 'Submit the text of an invoice QR code (from scanCode); read at once' })
  @ApiCreatedResponse({ type: InvoiceScanDto })
  async submitQrText(@CurrentUser() user: AuthenticatedUser, @Body() body: QrTextDto): Promise<InvoiceScanDto> {
    const id = await this.scans.submitQrText(user.id, body.text);
    return this.queries.detail(user.id, id);
  }

  @Post('qr-images')
  @ApiOperation({ summary: 'Upload a photo of an invoice QR code: read at once when clear, else by the vendor' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ApiCreatedResponse({ type: InvoiceScanDto })
  @UseInterceptors(FileInterceptor('file', INVOICE_UPLOAD_OPTIONS))
  async uploadQrImage(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ScanUploadDto,
  ): Promise<InvoiceScanDto> {
    const id = await this.scans.submitQrImage(user.id, requireFile(file, '二维码图片'), { shownFen: body.amountFen });
    return this.queries.detail(user.id, id);
  }

  @Get()
  @ApiOkResponse({ type: InvoicePageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: InvoiceListQueryDto): Promise<InvoicePageDto> {
    return this.queries.list(user.id, query);
  }

  @Get('months')
  @ApiOperation({ summary: 'Totals per month (duplicates not counted)' })
  @ApiOkResponse({ type: InvoiceMonthsDto })
  months(@CurrentUser() user: AuthenticatedUser, @Query() query: InvoiceFilterDto): Promise<InvoiceMonthsDto> {
    return this.queries.months(user.id, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'The filtered recognised bills as CSV (UTF-8 with BOM) or an Excel workbook' })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: InvoiceExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const rows = exportRowsOf(await this.queries.exportRows(user.id, query));
    const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const scope = query.month ? `${query.month}` : '全部';
    const body = query.format === 'csv' ? toCsv(rows) : await toXlsx(rows, `票据清单（${scope}）`);
    const name = `票据清单-${scope}-${stamp}.${query.format}`;
    response.setHeader('Content-Type', CONTENT_TYPES[query.format]);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="invoices-${stamp}.${query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    response.setHeader('Cache-Control', 'no-store');
    response.send(body);
  }

  @Get('orders/:orderId')
  @ApiOperation({ summary: 'The scan behind one of my orders (我的订单 opens it)' })
  @ApiOkResponse({ type: InvoiceScanDto })
  forOrder(@CurrentUser() user: AuthenticatedUser, @Param('orderId', scanId) orderId: number): Promise<InvoiceScanDto> {
    return this.queries.detailForOrder(user.id, orderId);
  }

  @Get(':id')
  @ApiOkResponse({ type: InvoiceScanDto })
  detail(@CurrentUser() user: AuthenticatedUser, @Param('id', scanId) id: number): Promise<InvoiceScanDto> {
    return this.queries.detail(user.id, id);
  }

  @Post(':id/retry')
  @ApiOperation({ summary: 'Recognise a failed scan again, with a new photo or the one kept' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiCreatedResponse({ type: InvoiceScanDto, description: 'The new scan' })
  @UseInterceptors(FileInterceptor('file', INVOICE_UPLOAD_OPTIONS))
  async retry(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', scanId) id: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ScanUploadDto,
  ): Promise<InvoiceScanDto> {
    const upload = file?.buffer?.length ? file.buffer : undefined;
    const newId = await this.scans.retry(user.id, id, upload, body.amountFen);
    return this.queries.detail(user.id, newId);
  }

  @Put(':id/reimbursed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark as reimbursed' })
  @ApiOkResponse({ type: InvoiceScanDto })
  async markReimbursed(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', scanId) id: number,
  ): Promise<InvoiceScanDto> {
    await this.reimbursements.setReimbursed(user.id, id, true);
    return this.queries.detail(user.id, id);
  }

  @Delete(':id/reimbursed')
  @ApiOperation({ summary: 'Undo the reimbursed mark' })
  @ApiOkResponse({ type: InvoiceScanDto })
  async unmarkReimbursed(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', scanId) id: number,
  ): Promise<InvoiceScanDto> {
    await this.reimbursements.setReimbursed(user.id, id, false);
    return this.queries.detail(user.id, id);
  }
}
